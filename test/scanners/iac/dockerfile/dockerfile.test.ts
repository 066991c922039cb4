import { describe, expect, it } from 'vitest';

import { dockerfileFramework } from '../../../../src/scanners/iac/dockerfile/index.js';
import { lines, scanWith } from '../scan-helpers.js';

describe('Dockerfiles', () => {
  it.each([
    ['Dockerfile', true],
    ['services/api/Dockerfile', true],
    ['Dockerfile.prod', true],
    ['api.dockerfile', true],
    ['Containerfile', true],
    ['.dockerignore', true],
    ['Dockerfile.dockerignore', true],
    ['docs/Dockerfile.md.txt', true],
    ['Dockerfiles/readme.md', false],
    ['docker-compose.yml', false],
  ])('wants %s: %s', (path, expected) => {
    expect(dockerfileFramework.wants(path)).toBe(expected);
  });

  it('reads a .dockerignore only as a neighbour, never as a Dockerfile', () => {
    const findings = scanWith(dockerfileFramework, {
      'Dockerfile.dockerignore': 'FROM ubuntu\n',
      Dockerfile: 'FROM alpine:3.20\nCOPY . /app\nUSER 10001\n',
    });
    expect(findings.map((f) => f.location.path)).toEqual(['Dockerfile']);
    expect(lines(findings, ['copy-context-without-dockerignore'])).toEqual([]);
  });

  it('locates commands inside continuation lines and heredocs', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM debian:12-slim',
      'RUN set -eux; \\',
      '    apt-get update; \\',
      '    apt-get install -y curl=7.88.1-10+deb12u5; \\',
      '    rm -rf /var/lib/apt/lists/*',
      'RUN <<EOF',
      'set -eu',
      'sudo chmod 777 /srv',
      'EOF',
      'RUN ["npm", "install"]',
      'USER 10001',
    ].join('\n');
    expect(
      lines(scanWith(dockerfileFramework, { Dockerfile: text }), [
        'apt-no-install-recommends',
        'apt-lists-not-cleaned',
        'sudo-usage',
        'chmod-world-writable',
        'npm-install-instead-of-ci',
      ]),
    ).toEqual([
      '5 apt-no-install-recommends',
      '9 chmod-world-writable',
      '9 sudo-usage',
      '11 npm-install-instead-of-ci',
    ]);
  });

  it('follows the final stage back through the stages it builds on', () => {
    const text = [
      'FROM python:3.12-slim AS base',
      'USER 10001',
      'FROM base AS app',
      'EXPOSE 8080',
      'FROM alpine:3.20 AS unrelated',
      'USER root',
      'FROM app',
      'CMD ["python", "-m", "app"]',
    ].join('\n');
    expect(
      lines(scanWith(dockerfileFramework, { Dockerfile: text }), [
        'missing-user',
        'user-root',
        'missing-healthcheck',
        'heavy-base-image',
      ]),
    ).toEqual(['4 missing-healthcheck']);
  });

  it('honours a suppression above the stage FROM for the whole stage', () => {
    const text = [
      '# bulwark-ignore iac/dockerfile/curl-pipe-shell: vendor installer, pinned by checksum upstream',
      'FROM alpine:3.20',
      'RUN curl -fsSL https://example.com/i.sh | sh',
      'USER 10001',
    ].join('\n');
    expect(lines(scanWith(dockerfileFramework, { Dockerfile: text }), ['curl-pipe-shell'])).toEqual(
      [],
    );
  });

  it('gives each finding a fix, help, references, CWE and a resource', () => {
    const [finding] = scanWith(dockerfileFramework, {
      Dockerfile: 'FROM alpine:3.20\nEXPOSE 22\n',
    }).filter((f) => f.ruleId === 'iac/dockerfile/ssh-port-exposed');
    expect(finding).toMatchObject({
      scanner: 'iac',
      severity: 'medium',
      location: { path: 'Dockerfile', startLine: 2, startColumn: 1, endLine: 2, endColumn: 10 },
      cwe: ['CWE-284'],
      properties: { framework: 'dockerfile', resource: 'stage stage0' },
    });
    expect(finding?.fix?.text).toContain('EXPOSE 8080');
    expect(finding?.help).toContain('sshd');
  });
});
