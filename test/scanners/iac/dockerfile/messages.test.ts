import { describe, expect, it } from 'vitest';

import type { InputProblem } from '../../../../src/core/scanner.js';
import { dockerfileFramework } from '../../../../src/scanners/iac/dockerfile/index.js';
import { recordingLogger, scanWith } from '../scan-helpers.js';

function finding(text: string, rule: string) {
  return scanWith(dockerfileFramework, { Dockerfile: text }).find(
    (f) => f.ruleId === `iac/dockerfile/${rule}`,
  );
}

describe('Dockerfile messages and positions', () => {
  it('locates a finding of a Dockerfile with a BOM at column 1', () => {
    expect(finding('\uFEFFFROM node:latest\nUSER node\n', 'base-image-latest')?.location).toEqual({
      path: 'Dockerfile',
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 17,
    });
  });

  it.each([
    ['node:latest', 'FROM node:<version>@sha256:<digest>'],
    ['ghcr.io/acme/base', 'FROM ghcr.io/acme/base:<version>@sha256:<digest>'],
  ])('suggests a pin of the same image for FROM %s', (image, line) => {
    const fix = finding(`FROM ${image}\nUSER app\n`, 'base-image-latest')?.fix?.text ?? '';
    expect(fix.split('\n').map((text) => text.trim())).toContain(line);
  });

  it.each([
    [
      'FROM node:20\nRUN make\n',
      'The final stage (FROM node:20 at line 1) sets no USER, so the container runs as root.',
    ],
    [
      'FROM node:20 AS build\nRUN make\nFROM build AS app\n',
      'The final stage app sets no USER, so the container runs as root.',
    ],
  ])('names the stage by its FROM or AS name', (text, message) => {
    expect(finding(text, 'missing-user')?.message).toBe(message);
  });

  it('reports a Dockerfile without FROM as an input problem', () => {
    const problems: InputProblem[] = [];
    const logs: string[] = [];
    const findings = scanWith(
      dockerfileFramework,
      { 'app/Dockerfile': 'RUN make\n' },
      recordingLogger(logs),
      problems,
    );
    expect(findings).toEqual([]);
    expect(problems).toEqual([
      {
        path: 'app/Dockerfile',
        line: 1,
        message:
          'dockerfile: no FROM instruction, so this is not a Dockerfile Bulwark can check; start the file with FROM <image>, or rename it if it is not a Dockerfile (column 1)',
      },
    ]);
    expect(logs).toEqual([
      'warn: app/Dockerfile:1:1: dockerfile: no FROM instruction, so this is not a Dockerfile Bulwark can check; start the file with FROM <image>, or rename it if it is not a Dockerfile',
    ]);
  });
});
