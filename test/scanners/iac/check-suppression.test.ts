import { describe, expect, it } from 'vitest';

import { indexSuppressions, isSuppressed } from '../../../src/scanners/iac/check-suppression.js';

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
