import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/finding.js';
import {
  inComment,
  isSuppressedInline,
  markSuppressedInCommit,
  parseSuppression,
  unknownSuppressionIds,
  withoutInlineSuppressed,
} from '../../src/core/inline-suppression.js';

describe('parseSuppression', () => {
  it.each([
    ['const a = 1; // bulwark-ignore', { ruleId: undefined, ruleIds: [], reason: undefined }],
    [
      '# bulwark-ignore secrets/github-pat: test fixture',
      { ruleId: 'secrets/github-pat', ruleIds: ['secrets/github-pat'], reason: 'test fixture' },
    ],
    [
      '/* bulwark-ignore code/js/eval-injection sandboxed input */',
      {
        ruleId: 'code/js/eval-injection',
        ruleIds: ['code/js/eval-injection'],
        reason: 'sandboxed input',
      },
    ],
    [
      '<!-- bulwark-ignore secrets/* docs sample -->',
      { ruleId: 'secrets/*', ruleIds: ['secrets/*'], reason: 'docs sample' },
    ],
    [
      '# bulwark-ignore code/python/os-system code/python/command-injection: both',
      {
        ruleId: 'code/python/os-system',
        ruleIds: ['code/python/os-system', 'code/python/command-injection'],
        reason: 'both',
      },
    ],
    [
      '// bulwark-ignore code/js/a, code/js/b, secrets/* - fixtures',
      {
        ruleId: 'code/js/a',
        ruleIds: ['code/js/a', 'code/js/b', 'secrets/*'],
        reason: 'fixtures',
      },
    ],
    ['// bulwark-ignore: reviewed', { ruleId: undefined, ruleIds: [], reason: 'reviewed' }],
    ['no marker here', undefined],
    ['bulwark-ignored is another word', undefined],
  ])('%s', (line, expected) => {
    expect(parseSuppression(line)).toEqual(expected);
  });
});

describe('inComment', () => {
  it.each([
    ['a.js', 'exec(x); // bulwark-ignore', true],
    ['a.js', 'const s = "bulwark-ignore"; exec(x);', false],
    ['a.js', "const s = 'a // b bulwark-ignore';", false],
    ['a.js', 'const s = `x`; /* bulwark-ignore */', true],
    ['a.py', 'os.system(x)  # bulwark-ignore', true],
    ['a.py', 's = "# bulwark-ignore"; os.system(x)', false],
    ['a.py', "s = 'it\\'s # bulwark-ignore'", false],
    ['a.php', 'exec($x); # bulwark-ignore', true],
    ['config.env', 'TOKEN=abc bulwark-ignore', true],
  ])('%s: %s -> %s', (path, line, expected) => {
    expect(inComment(path, line)).toBe(expected);
  });
});

function finding(ruleId: string, line: number): Finding {
  return {
    ruleId,
    scanner: 'secrets',
    severity: 'high',
    title: 't',
    message: 'm',
    location: { path: 'notes.txt', startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
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

describe('unknownSuppressionIds', () => {
  const lines = [
    'eval(a); // bulwark-ignore code/js/does-not-exist',
    '// bulwark-ignore command-injection, secrets/*',
    'exec(b);',
  ];
  const known = new Set(['code/js/eval-injection', 'code/js/command-injection']);
  it.each([
    ['code/js/eval-injection', 1, [{ line: 1, id: 'code/js/does-not-exist' }]],
    ['code/js/command-injection', 3, [{ line: 2, id: 'command-injection' }]],
  ])('%s on line %i', (ruleId, line, expected) => {
    expect(unknownSuppressionIds(finding(ruleId, line), lines, known)).toEqual(expected);
  });
});

describe('withoutInlineSuppressed', () => {
  const at = (line: number, fingerprint: string, commit?: string): Finding => {
    const f = finding('secrets/github-pat', line);
    return { ...f, fingerprint, location: { ...f.location, commit } };
  };
  const lines = ['TOKEN=x # bulwark-ignore', 'TOKEN=y'];

  it('drops and counts history findings marked by their scanner, whatever the tree says', () => {
    const marked = markSuppressedInCommit(at(2, 'h1', 'c1'));
    const result = withoutInlineSuppressed(
      [at(1, 't1'), at(2, 't2'), marked, at(1, 'h2', 'c2')],
      () => lines,
    );
    expect(result.kept.map((f) => f.fingerprint)).toEqual(['t2', 'h2']);
    expect(result.suppressed).toBe(2);
  });

  it('counts a marked history finding once when the tree holds the same finding', () => {
    const result = withoutInlineSuppressed(
      [at(1, 'same'), markSuppressedInCommit(at(1, 'same', 'c1'))],
      () => lines,
    );
    expect(result).toEqual({ kept: [], suppressed: 1 });
  });

  it('keeps a tree finding whose history twin is marked, and counts neither', () => {
    const result = withoutInlineSuppressed(
      [at(2, 'same'), markSuppressedInCommit(at(2, 'same', 'c1'))],
      () => lines,
    );
    expect(result.kept.map((f) => [f.fingerprint, f.location.commit])).toEqual([
      ['same', undefined],
    ]);
    expect(result.suppressed).toBe(0);
  });
});
