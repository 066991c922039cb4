import { describe, expect, it } from 'vitest';

import type { InputProblem } from '../../../../src/core/scanner.js';
import { githubActionsFramework } from '../../../../src/scanners/iac/github-actions/index.js';
import { recordingLogger, scanWith } from '../scan-helpers.js';

const PATH = '.github/workflows/w.yml';

/** `line:column-endLine:endColumn rule message` of the findings of `rule`. */
function scan(text: string, rule: string): string[] {
  return scanWith(githubActionsFramework, { [PATH]: text })
    .filter((f) => f.ruleId === `iac/github-actions/${rule}`)
    .map((f) => {
      const l = f.location;
      return `${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn} ${f.message}`;
    });
}

const CHECKOUT = (trigger: string) =>
  [
    `on: ${trigger}`,
    'permissions: {contents: read}',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          ref: refs/pull/${{ github.event.issue.number }}/head',
    '      - run: make',
    '',
  ].join('\n');

describe('untrusted checkout', () => {
  it.each(['issue_comment', 'pull_request_review_comment', 'pull_request_target'])(
    'is reported on %s, covering the ref value',
    (trigger) => {
      expect(scan(CHECKOUT(trigger), 'untrusted-checkout')).toEqual([
        '9:11-9:63 Job test checks out untrusted pull request code (refs/pull/${{ github.event.issue.number }}/head) in a privileged workflow.',
      ]);
    },
  );

  it('is not reported on pull_request, which runs without secrets', () => {
    expect(scan(CHECKOUT('pull_request'), 'untrusted-checkout')).toEqual([]);
  });
});

const RUN = (line: string) =>
  [
    'on: pull_request_target',
    'permissions: {contents: read}',
    'jobs:',
    '  greet:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - run: ${line}`,
    '',
  ].join('\n');

describe('expression injection', () => {
  it.each([
    [
      `echo "\${{ github.event['pull_request']['title'] }}"`,
      `\${{ github.event['pull_request']['title'] }}`,
      '7:20-7:64',
    ],
    [
      `echo "\${{ github.event["issue"]["body"] }}"`,
      `\${{ github.event["issue"]["body"] }}`,
      '7:20-7:56',
    ],
    [`echo '\${{ toJSON(github.event) }}'`, '${{ toJSON(github.event) }}', '7:20-7:47'],
    [
      `echo '\${{ toJSON(github.event.pull_request.head) }}'`,
      '${{ toJSON(github.event.pull_request.head) }}',
      '7:20-7:65',
    ],
  ])('reports %s', (line, value, span) => {
    expect(scan(RUN(line), 'expression-injection')).toEqual([
      `${span} ${value} is expanded into a script; its content is attacker-controlled.`,
    ]);
  });

  it.each([
    `echo "\${{ github.event['pull_request']['number'] }}"`,
    `echo '\${{ toJSON(github.event.repository) }}'`,
    `echo '\${{ toJSON(matrix) }}'`,
  ])('does not report %s', (line) => {
    expect(scan(RUN(line), 'expression-injection')).toEqual([]);
  });
});

describe('missing permissions', () => {
  const JOBS = (first: string) =>
    [
      'on: push',
      'jobs:',
      '  release:',
      ...(first ? [`    permissions: ${first}`] : []),
      '    runs-on: ubuntu-latest',
      '    steps: [{run: make}]',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps: [{run: make}]',
      '',
    ].join('\n');

  it('names the job without permissions when another job sets them', () => {
    expect(scan(JOBS('write-all'), 'missing-permissions')).toEqual([
      "7:3-7:7 No permissions are set for job test nor at the workflow's top level, so it runs with the repository default token scope.",
    ]);
  });

  it('reports the workflow once when no job sets permissions', () => {
    expect(scan(JOBS(''), 'missing-permissions')).toEqual([
      '1:1-1:3 No permissions are set for the workflow or any of its jobs, so it runs with the repository default token scope.',
    ]);
  });
});

describe('uses values', () => {
  const USES = (value: string) =>
    `on: push\npermissions: {}\njobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: ${value}\n`;

  it('asks for a digest for docker:// images', () => {
    expect(scan(USES('docker://alpine:latest'), 'unpinned-action')).toEqual([
      '7:9-7:13 docker://alpine:latest is not pinned to an image digest (@sha256:...).',
    ]);
  });

  it('warns about a value that is not an action reference instead of checking it', () => {
    const logs: string[] = [];
    const findings = scanWith(
      githubActionsFramework,
      { [PATH]: USES('123') },
      recordingLogger(logs),
    );
    expect(findings.filter((f) => f.ruleId.includes('unpinned'))).toEqual([]);
    expect(logs).toEqual([
      'warn: .github/workflows/w.yml:7:9: github-actions: uses: 123 is not an action reference (owner/repo@ref, ./path or docker://image); it was not checked',
    ]);
  });
});

describe('workflows that cannot be read', () => {
  it.each([
    [
      'a list at the top',
      '- on: push\n',
      1,
      'github-actions: the top level of a workflow is a list, not a mapping; write on:, permissions: and jobs: as top-level keys (the file was not checked) (column 1)',
    ],
    [
      'a string at the top',
      'on push jobs build\n',
      1,
      'github-actions: the top level of a workflow is a plain value, not a mapping; write on:, permissions: and jobs: as top-level keys (the file was not checked) (column 1)',
    ],
    [
      'jobs as a list',
      'on: push\njobs:\n  - runs-on: x\n',
      2,
      'github-actions: jobs: is not a mapping of job ids to jobs; write each job as `<job-id>:` under jobs: (the file was not checked) (column 1)',
    ],
    [
      'malformed YAML',
      'on: push\njobs: {b: [\n',
      3,
      'github-actions: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML and scan again (the file was not checked) (column 1)',
    ],
  ])('reports %s as an input problem', (_name, text, line, message) => {
    const problems: InputProblem[] = [];
    const findings = scanWith(githubActionsFramework, { [PATH]: text }, undefined, problems);
    expect(findings).toEqual([]);
    expect(problems).toEqual([{ path: PATH, line, message }]);
  });
});
