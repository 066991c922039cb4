import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/finding.js';
import { isSuppressedInline, parseSuppression } from '../../src/core/inline-suppression.js';

describe('parseSuppression', () => {
  it.each([
    ['const a = 1; // bulwark-ignore', { ruleId: undefined, reason: undefined }],
    [
      '# bulwark-ignore secrets/github-pat: test fixture',
      { ruleId: 'secrets/github-pat', reason: 'test fixture' },
    ],
    [
      '/* bulwark-ignore code/js/eval-injection sandboxed input */',
      { ruleId: 'code/js/eval-injection', reason: 'sandboxed input' },
    ],
    [
      '<!-- bulwark-ignore secrets/* docs sample -->',
      { ruleId: 'secrets/*', reason: 'docs sample' },
    ],
    ['no marker here', undefined],
    ['bulwark-ignored is another word', undefined],
  ])('%s', (line, expected) => {
    expect(parseSuppression(line)).toEqual(expected);
  });
});

function finding(ruleId: string, line: number): Finding {
  return {
    ruleId,
    scanner: 'secrets',
    severity: 'high',
    title: 't',
    message: 'm',
    location: { path: 'a.ts', startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
    fingerprint: 'f',
    cwe: [],
    references: [],
  };
}

describe('isSuppressedInline', () => {
  const lines = [
    'line one',
    '// bulwark-ignore secrets/jwt: sample token',
    'const t = "eyJ..."',
    'const k = "x" // bulwark-ignore',
    'const z = 2',
    '# bulwark-ignore secrets/*',
    'secret here',
  ];
  it.each([
    ['secrets/jwt', 3, true],
    ['secrets/github-pat', 3, false],
    ['code/js/x', 4, true],
    ['secrets/github-pat', 5, false],
    ['secrets/aws-access-key', 7, true],
    ['code/js/x', 7, false],
    ['secrets/jwt', 1, false],
  ])('%s on line %i suppressed: %s', (ruleId, line, expected) => {
    expect(isSuppressedInline(finding(ruleId, line), lines)).toBe(expected);
  });
});
