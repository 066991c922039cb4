import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { cvss3BaseScore, roundUp } from '../../../src/advisories/severity/cvss3.js';
import { levelOfScore } from '../../../src/advisories/severity/score.js';
import { shared } from '../../helpers/shared.js';

describe('CVSS v3.1 base score', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N', 7.7],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N', 6.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ])('%s scores %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score);
  });

  it.each([
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  ])('rejects %s', (vector) => {
    expect(cvss3BaseScore(vector)).toBeUndefined();
  });

  it('rounds up as Appendix A says, without float error', () => {
    expect(roundUp(4.0)).toBe(4.0);
    expect(roundUp(4.02)).toBe(4.1);
    expect(roundUp(4.000001)).toBe(4.0);
  });

  it('agrees with the score of every legacy npm record except 23 that state a wrong score', () => {
    const dir = shared('advisories', 'npm-legacy');
    let agree = 0;
    let disagree = 0;
    for (const file of readdirSync(dir).filter((f) => /^\d+\.json$/.test(f))) {
      const record = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as {
        cvss_vector?: string;
        cvss_score?: number;
      };
      if (!record.cvss_vector) continue;
      if (cvss3BaseScore(record.cvss_vector) === record.cvss_score) agree++;
      else disagree++;
    }
    // The 23 disagreements are hand-entered scores such as 9.3 for C:H/I:N/A:N (really 7.5).
    expect({ agree, disagree }).toEqual({ agree: 435, disagree: 23 });
  });
});

describe('level of a score', () => {
  it.each([
    [0, 'info'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
  ])('%d is %s', (score, level) => {
    expect(levelOfScore(score)).toBe(level);
  });
});
