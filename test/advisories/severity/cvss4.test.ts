import { describe, expect, it } from 'vitest';

import type { Advisory } from '../../../src/advisories/model.js';
import { cvss4Score } from '../../../src/advisories/severity/cvss4.js';
import { scoreAdvisory } from '../../../src/advisories/severity/score.js';

describe('CVSS v4.0 score', () => {
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.7],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 6.9],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
  ])('%s scores %d', (vector, score) => {
    expect(cvss4Score(vector)).toBe(score);
  });

  it.each([
    'CVSS:4.0/AV:N/AC:L',
    'CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  ])('rejects %s', (vector) => {
    expect(cvss4Score(vector)).toBeUndefined();
  });
});

function advisory(parts: Partial<Advisory>): Advisory {
  return {
    id: 'GHSA-test',
    aliases: [],
    summary: '',
    malicious: false,
    vectors: [],
    cwe: [],
    references: [],
    affected: [],
    ...parts,
  };
}

describe('advisory severity', () => {
  it.each([
    [
      'the higher of v4.0 and v3.1 (GHSA-cm22-4g7w-348p)',
      advisory({
        rating: 'moderate',
        vectors: [
          { type: 'CVSS_V3', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L' },
          {
            type: 'CVSS_V4',
            vector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:L',
          },
        ],
      }),
      { level: 'medium', score: 5, source: 'cvss-v3' },
    ],
    [
      'v4.0 alone (GHSA-gcx4-mw62-g8wm)',
      advisory({
        rating: 'high',
        vectors: [
          {
            type: 'CVSS_V4',
            vector: 'CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N',
          },
        ],
      }),
      { level: 'high', score: 8.3, source: 'cvss-v4' },
    ],
    [
      'the rating when no vector scores',
      advisory({ rating: 'moderate' }),
      { level: 'medium', source: 'rating' },
    ],
    ['unknown without either', advisory({}), { source: 'unknown' }],
    [
      'critical when malicious',
      advisory({ malicious: true, rating: 'low' }),
      { level: 'critical', source: 'malicious' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(scoreAdvisory(input)).toMatchObject(expected);
  });
});
