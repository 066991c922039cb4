import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/finding.js';
import { fingerprint, occurrenceFingerprint } from '../../src/core/fingerprint.js';
import { numberOccurrences } from '../../src/core/occurrences.js';

function finding(line: number, column = 3, extra: Partial<Finding['location']> = {}): Finding {
  return {
    ruleId: 'code/js/eval-injection',
    scanner: 'code',
    severity: 'critical',
    title: 't',
    message: 'm',
    location: {
      path: 'server.js',
      startLine: line,
      startColumn: column,
      endLine: line,
      endColumn: 20,
      ...extra,
    },
    fingerprint: fingerprint('code/js/eval-injection', 'server.js', 'eval(req.query.a)'),
    cwe: [],
    references: [],
  };
}

const BASE = '13f82001a1888dd7ae45b8f636167727';

describe('occurrence fingerprints', () => {
  it('keeps the base for the first occurrence and derives the others from base and n', () => {
    expect(fingerprint('code/js/eval-injection', 'server.js', 'eval(req.query.a)')).toBe(BASE);
    expect(occurrenceFingerprint(BASE, 1)).toBe(BASE);
    expect(occurrenceFingerprint(BASE, 2)).toBe('fceb6dfaffcd9e2ef75fa544035cae10');
    expect(occurrenceFingerprint(BASE, 3)).toBe('0436f555ad57f3c025d2dafe3d78c56b');
  });

  it('numbers identical findings of one file by position, whatever order they arrive in', () => {
    const out = numberOccurrences([finding(9), finding(2), finding(5)]);
    expect(out.map((f) => `${f.location.startLine} ${f.fingerprint}`)).toEqual([
      `9 ${occurrenceFingerprint(BASE, 3)}`,
      `2 ${BASE}`,
      `5 ${occurrenceFingerprint(BASE, 2)}`,
    ]);
  });

  it('drops a repeat at the same rule, line and column, and leaves history findings alone', () => {
    const history = finding(2, 3, { commit: 'abc123' });
    const out = numberOccurrences([finding(2), finding(2), finding(2, 7), history, history]);
    expect(
      out.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.fingerprint}`),
    ).toEqual([
      `2:3 ${BASE}`,
      `2:7 ${occurrenceFingerprint(BASE, 2)}`,
      `2:3 ${BASE}`,
      `2:3 ${BASE}`,
    ]);
  });

  it('counts separately per file and per rule', () => {
    const other = { ...finding(4), location: { ...finding(4).location, path: 'b.js' } };
    const rule = { ...finding(6), ruleId: 'code/js/other' };
    const out = numberOccurrences([finding(1), other, rule]);
    expect(out.map((f) => f.fingerprint)).toEqual([BASE, BASE, BASE]);
  });
});
