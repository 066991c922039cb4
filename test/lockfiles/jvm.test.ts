import { describe, expect, it } from 'vitest';
import { parseText } from './parse-file.js';

const gradleLockfile = `# This is a Gradle generated file for dependency locking.
# Manual edits can break the build and are not advised.
# This file is expected to be part of source control.
com.google.guava:failureaccess:1.0.1=compileClasspath,runtimeClasspath
com.google.guava:guava:31.1-jre=compileClasspath,runtimeClasspath
junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
org.hamcrest:hamcrest-core:1.3=testCompileClasspath,testRuntimeClasspath
empty=annotationProcessor
`;

const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example.test</groupId>
  <artifactId>app</artifactId>
  <version>1.4.0</version>
  <properties>
    <jackson.version>2.15.2</jackson.version>
    <junit.version>5.10.0</junit.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.slf4j</groupId>
        <artifactId>slf4j-api</artifactId>
        <version>2.0.9</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${jackson.version}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
    </dependency>
    <dependency>
      <groupId>example.test</groupId>
      <artifactId>app-core</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>commons-text</artifactId>
      <version>\${commons.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>\${junit.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>[30.0,)</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.junit.platform</groupId>
            <artifactId>junit-platform-surefire-provider</artifactId>
            <version>1.3.2</version>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
`;

describe('gradle.lockfile', () => {
  it('reads one module per line; test-only configurations make it development', () => {
    const result = parseText('gradle.lockfile', gradleLockfile);
    expect(result.packages.map((p) => [p.name, p.version, p.direct, p.dev, p.line])).toEqual([
      ['com.google.guava:failureaccess', '1.0.1', false, false, 4],
      ['com.google.guava:guava', '31.1-jre', false, false, 5],
      ['junit:junit', '4.13.2', false, true, 6],
      ['org.hamcrest:hamcrest-core', '1.3', false, true, 7],
    ]);
  });
});

describe('pom.xml', () => {
  it('resolves properties defined in the pom and reports the rest as unpinned', () => {
    const result = parseText('pom.xml', pom);

    expect(
      result.packages.map((p) => [p.name, p.version, p.direct, p.dev, p.line, p.paths]),
    ).toEqual([
      [
        'com.fasterxml.jackson.core:jackson-databind',
        '2.15.2',
        true,
        false,
        21,
        [['com.fasterxml.jackson.core:jackson-databind@2.15.2']],
      ],
      ['org.slf4j:slf4j-api', '2.0.9', true, false, 26, [['org.slf4j:slf4j-api@2.0.9']]],
      ['example.test:app-core', '1.4.0', true, false, 30, [['example.test:app-core@1.4.0']]],
      [
        'org.junit.jupiter:junit-jupiter',
        '5.10.0',
        true,
        true,
        40,
        [['org.junit.jupiter:junit-jupiter@5.10.0']],
      ],
    ]);
    expect(result.unpinned).toEqual([
      { name: 'org.apache.commons:commons-text', spec: '${commons.version}', line: 35 },
      { name: 'com.google.guava:guava', spec: '[30.0,)', line: 46 },
    ]);
  });
});
