import { describe, expect, it } from 'vitest';

import {
  indexSuppressions,
  isSuppressed,
  unknownSuppressions,
} from '../../../src/scanners/iac/check-suppression.js';
import { kubernetesFramework } from '../../../src/scanners/iac/kubernetes/index.js';
import { recordingLogger, scanWith } from './scan-helpers.js';

const RULE = 'iac/kubernetes/privileged-container';

/** Which lines silence the rule, for a comment at a given place. */
const cases: Array<{ name: string; text: string; lines: number[]; expected: boolean }> = [
  {
    name: 'trailing comment on the offending line',
    text: `a: 1\nprivileged: true # bulwark-ignore ${RULE}: needs device access\n`,
    lines: [2],
    expected: true,
  },
  {
    name: 'comment alone on the line above the resource line',
    text: `# bulwark-ignore ${RULE}: node agent\nkind: DaemonSet\n`,
    lines: [9, 2],
    expected: true,
  },
  {
    name: 'trailing comment on the line above belongs to that line',
    text: `name: agent # bulwark-ignore ${RULE}\nkind: DaemonSet\n`,
    lines: [2],
    expected: false,
  },
  {
    name: 'framework wildcard',
    text: `kind: DaemonSet # bulwark-ignore iac/kubernetes/*: reviewed\n`,
    lines: [1],
    expected: true,
  },
  {
    name: 'another framework wildcard',
    text: `kind: DaemonSet # bulwark-ignore iac/dockerfile/*\n`,
    lines: [1],
    expected: false,
  },
  {
    name: 'no rule id covers every rule',
    text: `kind: DaemonSet # bulwark-ignore\n`,
    lines: [1],
    expected: true,
  },
  {
    name: 'another rule id',
    text: `kind: DaemonSet # bulwark-ignore iac/kubernetes/host-pid: reason\n`,
    lines: [1],
    expected: false,
  },
  {
    name: 'a comment two lines above does not count',
    text: `# bulwark-ignore ${RULE}\n\nkind: DaemonSet\n`,
    lines: [3],
    expected: false,
  },
  {
    name: 'HCL comment style',
    text: `// bulwark-ignore ${RULE}\nresource "x" "y" {\n`,
    lines: [2],
    expected: true,
  },
];

describe('resource-level suppressions', () => {
  it.each(cases)('$name', ({ text, lines, expected }) => {
    expect(isSuppressed(indexSuppressions(text), RULE, lines)).toBe(expected);
  });
});

const KNOWN = ['iac/kubernetes/privileged-container', 'iac/kubernetes/host-network'];
const FRAMEWORKS = ['kubernetes', 'dockerfile', 'terraform'];

describe('suppressions naming a rule that does not exist', () => {
  it.each([
    [
      '# bulwark-ignore iac/kubernetes/privileged-contaner: x',
      [{ line: 1, column: 18, ruleId: 'iac/kubernetes/privileged-contaner', suggestion: KNOWN[0] }],
    ],
    [
      'a: 1 # bulwark-ignore iac/kubernets/host-network: x',
      [{ line: 1, column: 23, ruleId: 'iac/kubernets/host-network', suggestion: KNOWN[1] }],
    ],
    [
      '# bulwark-ignore iac/kubernetes/no-such-thing-at-all: x',
      [
        {
          line: 1,
          column: 18,
          ruleId: 'iac/kubernetes/no-such-thing-at-all',
          suggestion: undefined,
        },
      ],
    ],
    ['# bulwark-ignore iac/kubernetes/privileged-container: x', []],
    ['# bulwark-ignore iac/kubernetes/*: x', []],
    ['# bulwark-ignore iac/dockerfile/anything: x', []],
    ['# bulwark-ignore secrets/github-pat: x', []],
    ['# bulwark-ignore', []],
  ])('%s', (text, expected) => {
    const index = indexSuppressions(text);
    expect(unknownSuppressions(index, 'kubernetes', KNOWN, FRAMEWORKS)).toEqual(expected);
  });

  it('are logged by the framework with file, line, column and a suggestion', () => {
    const logs: string[] = [];
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n# bulwark-ignore iac/kubernetes/privileged-contaner: lab\n';
    scanWith(kubernetesFramework, { 'pod.yaml': text }, recordingLogger(logs));
    expect(logs).toEqual([
      'warn: pod.yaml:4:18: kubernetes: bulwark-ignore names iac/kubernetes/privileged-contaner, which is not a rule, so it silences nothing; did you mean iac/kubernetes/privileged-container?',
    ]);
  });
});
