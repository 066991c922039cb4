import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../../src/core/errors.js';
import { parseLockfile } from '../../src/lockfiles/index.js';

interface CorruptCase {
  path: string;
  content: string;
  line: number;
  message: string;
}

const cases: CorruptCase[] = [
  {
    path: 'package-lock.json',
    content: '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {',
    line: 4,
    message: 'package-lock.json is not valid JSON: unexpected end of file where a key should be',
  },
  {
    path: 'web/npm-shrinkwrap.json',
    content: '{\n  "lockfileVersion": 2,\n  "packages": {},\n}\n',
    line: 4,
    message: "web/npm-shrinkwrap.json is not valid JSON: trailing comma before '}'",
  },
  {
    path: 'yarn.lock',
    content: '# yarn lockfile v1\n\n  version "1.0.0"\n',
    line: 3,
    message: 'yarn.lock: an indented line comes before any entry',
  },
  {
    path: 'yarn.lock',
    content: '__metadata:\n  version: 8\n\n"left-pad@npm:^1.3.0"\n  version: 1.3.0\n',
    line: 4,
    message: 'yarn.lock: expected an entry header ending in ":"',
  },
  {
    path: 'pnpm-lock.yaml',
    content:
      "lockfileVersion: '9.0'\n\npackages:\n\n  ms@2.1.3:\n    resolution: {integrity: sha512-x\n",
    line: 7,
    message:
      'pnpm-lock.yaml is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }',
  },
  {
    path: 'bun.lock',
    content: '{\n  "lockfileVersion": 1,\n  "packages": {\n    "ms": ["ms@2.1.3", "", {}, "sha',
    line: 4,
    message: 'bun.lock is not valid JSON: a string is not closed',
  },
  {
    path: 'deno.lock',
    content: '{\n  "version": "2",\n  "remote": {}\n}\n',
    line: 2,
    message: 'deno.lock has lockfile version "2", not 3, 4 or 5',
  },
  {
    path: 'requirements.txt',
    content: 'requests==2.32.3\n==1.0\n',
    line: 2,
    message: 'requirements.txt: cannot read "==1.0"',
  },
  {
    path: 'poetry.lock',
    content: '[[package]]\nname = "rich\nversion = "13.0.0"\n',
    line: 2,
    message:
      'poetry.lock is not valid TOML: Invalid TOML document: control characters are not allowed in strings',
  },
  {
    path: 'Pipfile.lock',
    content: '{\n  "default": {\n    "requests": {\n      "version": "==2.25.1"\n',
    line: 5,
    message: "Pipfile.lock is not valid JSON: expected ',' or '}', found end of file",
  },
  {
    path: 'uv.lock',
    content:
      'version = 1\n\n[[package]]\nname = "click"\nsource = { registry = "https://pypi.org/simple" }\n',
    line: 4,
    message: 'uv.lock: package "click" has no version',
  },
  {
    path: 'pdm.lock',
    content: '[metadata]\ngroups = ["default"\n',
    line: 3,
    message:
      'pdm.lock is not valid TOML: Invalid TOML document: expected comma or end of structure',
  },
  {
    path: 'pylock.toml',
    content: '[[packages]]\nname = "attrs"\nversion = "24.2.0"\n',
    line: 1,
    message: 'pylock.toml has no lock-version, so it is not a PEP 751 lock',
  },
  {
    path: 'go.mod',
    content: 'module example.test/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n',
    line: 5,
    message: 'go.mod: the require block is not closed: no ")" before the end of the file',
  },
  {
    path: 'go.mod',
    content: 'module example.test/app\n\nrequire github.com/pkg/errors\n',
    line: 3,
    message: 'go.mod: expected "module vX.Y.Z", found "github.com/pkg/errors"',
  },
  {
    path: 'Cargo.lock',
    content: 'version = 3\n\n[[package]]\nname = "serde"\nversion = 1.0\n',
    line: 4,
    message: 'Cargo.lock: a [[package]] has no name or version',
  },
  {
    path: 'Gemfile.lock',
    content: 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rake\n',
    line: 4,
    message: 'Gemfile.lock: expected "name (version)", found "rake"',
  },
  {
    path: 'composer.lock',
    content: '{\n  "packages": [\n    { "name": "twig/twig" }\n  ]\n}\n',
    line: 3,
    message: 'composer.lock: a package in "packages" has no name or version',
  },
  {
    path: 'gradle.lockfile',
    content: '# header\ncom.google.guava:guava=compileClasspath\n',
    line: 2,
    message: 'gradle.lockfile: expected "group:artifact:version=configurations"',
  },
  {
    path: 'pom.xml',
    content: '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n',
    line: 4,
    message:
      "pom.xml is not valid XML: Expected closing tag 'dependency' (opened in line 3, col 5) instead of closing tag 'dependencies'.",
  },
  {
    path: 'packages.lock.json',
    content:
      '{\n  "version": 1,\n  "dependencies": {\n    "net8.0": {\n      "Serilog": { "type": "Direct" }\n    }\n  }\n}\n',
    line: 5,
    message: 'packages.lock.json: package "Serilog" has no resolved version',
  },
  {
    path: 'pubspec.lock',
    content: 'packages:\n  http:\n    version: "1.2.2\n',
    line: 4,
    message: 'pubspec.lock is not valid YAML: Missing closing "quote',
  },
  {
    path: 'mix.lock',
    content: '%{\n  "cowboy" => {:hex, :cowboy, "2.12.0"},\n}\n',
    line: 2,
    message: 'mix.lock: expected "\\"app\\": {:hex, ...}"',
  },
  {
    path: 'package-lock.json',
    content: '{"lockfileVersion": 3}\n\u0000\u0001\u0002binary',
    line: 2,
    message: 'package-lock.json is not a text file (it holds a NUL byte)',
  },
  {
    path: 'Cargo.lock',
    content: '\u0000\u0000\u0000',
    line: 1,
    message: 'Cargo.lock is not a text file (it holds a NUL byte)',
  },
  {
    path: 'yarn.lock',
    content: '# yarn lockfile v1\n\nlodash@^4.17.4:\n  version "4.17.4\n',
    line: 4,
    message: 'yarn.lock: a quoted value is not closed: "4.17.4',
  },
  {
    path: 'yarn.lock',
    content:
      '__metadata:\n  version: 8\n\n"lodash@npm:^4.17.4":\n  version: [\n  resolution: "lodash@npm:4.17.4"\n',
    line: 5,
    message: 'yarn.lock: "[" is not a version',
  },
  {
    path: 'yarn.lock',
    content: '# yarn lockfile v1\n\nlodash@^4.17.4:\n  resolved "https://r/lodash-4.17.4.tgz"\n',
    line: 3,
    message: 'yarn.lock: entry "lodash@^4.17.4" has no version',
  },
  {
    path: 'yarn.lock',
    content: '',
    line: 1,
    message: 'yarn.lock is empty; yarn writes a header even with no packages',
  },
  {
    path: 'pnpm-lock.yaml',
    content: "lockfileVersion: '9.0'\n\npackages: 5\n",
    line: 3,
    message: 'pnpm-lock.yaml: "packages" is not a map',
  },
  {
    path: 'package-lock.json',
    content:
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/lodash": { "version": 4.17 }\n  }\n}\n',
    line: 4,
    message:
      'package-lock.json: "node_modules/lodash" has a number "version", not a version string',
  },
  {
    path: 'package-lock.json',
    content:
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/lodash": { "resolved": "https://r/l.tgz" }\n  }\n}\n',
    line: 4,
    message: 'package-lock.json: "node_modules/lodash" has no "version", not a version string',
  },
  {
    path: 'package-lock.json',
    content: '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "lodash": "4.17.4"\n  }\n}\n',
    line: 4,
    message: 'package-lock.json: dependency "lodash" is a string, not an object',
  },
  {
    path: 'package-lock.json',
    content: '{\n  "lockfileVersion": 1,\n  "dependencies": "lodash"\n}\n',
    line: 3,
    message: 'package-lock.json: "dependencies" is not an object',
  },
  {
    path: 'pom.xml',
    content: `<project>${'<a>'.repeat(5_000)}${'</a>'.repeat(5_000)}</project>`,
    line: 1,
    message: 'pom.xml is not readable XML: Maximum nested tags exceeded',
  },
  {
    path: 'package-lock.json',
    content: `{"lockfileVersion": 3, "packages": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    line: 1,
    message: 'package-lock.json is not valid JSON: the JSON is nested too deeply',
  },
  {
    path: 'poetry.lock',
    content: '',
    line: 1,
    message: 'poetry.lock has neither [metadata] nor [[package]]',
  },
  {
    path: 'go.mod',
    content: '',
    line: 1,
    message: 'go.mod has no "module" line, so Go cannot read it',
  },
  {
    path: 'Cargo.lock',
    content: '',
    line: 1,
    message: "Cargo.lock has no [[package]], not even the project's own crate",
  },
];

/** Run a parse that must fail and return its error. */
function failure(path: string, content: string): BulwarkError {
  try {
    parseLockfile(path, content, () => undefined);
  } catch (error) {
    if (error instanceof BulwarkError) return error;
    throw error;
  }
  throw new Error(`${path} parsed without error`);
}

describe('corrupt lockfiles', () => {
  it.each(cases)('$path: $message', ({ path, content, line, message }) => {
    const error = failure(path, content);

    expect(error.kind).toBe('input');
    expect(error.where).toEqual({ file: path, line });
    expect(error.message.startsWith(message), error.message).toBe(true);
    expect(error.message).not.toContain(`line ${line}`);
    expect(error.hint).toMatch(/^(regenerate it with|fix the|restore)/);
  });

  it.each([
    [
      'yarn.lock',
      '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n',
    ],
    ['yarn.lock', '__metadata:\n  version: 8\n  cacheKey: 10c0\n'],
    [
      'poetry.lock',
      '[metadata]\nlock-version = "2.1"\npython-versions = "*"\ncontent-hash = "ab"\n',
    ],
    ['requirements.txt', ''],
    ['go.mod', 'module example.test/app\n\ngo 1.22\n'],
  ])('accepts %s as its tool writes it for a project without dependencies', (path, content) => {
    expect(parseLockfile(path, content, () => undefined).packages).toEqual([]);
  });

  it('tells the user how to regenerate the lockfile', () => {
    expect(failure('package-lock.json', '{').hint).toBe(
      'regenerate it with `npm install --package-lock-only` (or restore it from version control)',
    );
    expect(failure('yarn.lock', '').hint).toBe(
      'regenerate it with `yarn install` (or restore it from version control)',
    );
    expect(failure('poetry.lock', '[[package]\n').hint).toBe(
      'regenerate it with `poetry lock` (or restore it from version control)',
    );
  });
});
