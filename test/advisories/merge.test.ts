import { describe, expect, it } from 'vitest';

import { compileAffected } from '../../src/advisories/match.js';
import { mergeMatches, primaryId, type MatchedAdvisory } from '../../src/advisories/merge.js';
import type { Advisory, Ecosystem } from '../../src/advisories/model.js';

function matched(
  ecosystem: Ecosystem,
  id: string,
  aliases: string[],
  parts: Partial<Advisory> = {},
  fixes: string[] = [],
): MatchedAdvisory {
  const affected = { ecosystem, name: 'pkg', ranges: [], versions: [] };
  const advisory: Advisory = {
    id,
    aliases,
    summary: `summary of ${id}`,
    malicious: false,
    vectors: [],
    cwe: [],
    references: [],
    affected: [affected],
    ...parts,
  };
  return { advisory, entries: [compileAffected(affected)], fixes };
}

describe('alias merging', () => {
  it('merges advisories that share an alias into one vulnerability listing every id', () => {
    const merged = mergeMatches('PyPI', [
      matched('PyPI', 'GHSA-aaaa-bbbb-cccc', ['CVE-2023-1'], { rating: 'high' }, ['2.0']),
      matched('PyPI', 'PYSEC-2023-7', ['CVE-2023-1', 'GHSA-aaaa-bbbb-cccc'], {}, ['2.0.1']),
      matched('PyPI', 'PYSEC-2022-1', ['CVE-2022-9'], { rating: 'low' }, ['1.5']),
    ]);

    expect(merged.map((v) => [v.id, v.ids, v.advisories, v.fixed, v.severity.level])).toEqual([
      [
        'PYSEC-2023-7',
        ['PYSEC-2023-7', 'CVE-2023-1', 'GHSA-aaaa-bbbb-cccc'],
        ['GHSA-aaaa-bbbb-cccc', 'PYSEC-2023-7'],
        ['2.0', '2.0.1'],
        'high',
      ],
      ['PYSEC-2022-1', ['PYSEC-2022-1', 'CVE-2022-9'], ['PYSEC-2022-1'], ['1.5'], 'low'],
    ]);
  });

  it('joins two groups when a later advisory links them', () => {
    const merged = mergeMatches('Go', [
      matched('Go', 'GO-2022-1', ['CVE-2022-1']),
      matched('Go', 'GHSA-xxxx-yyyy-zzzz', ['CVE-2022-2']),
      matched('Go', 'GO-2022-2', ['CVE-2022-1', 'GHSA-xxxx-yyyy-zzzz']),
    ]);

    expect(merged).toHaveLength(1);
    expect(merged[0].id).toBe('GO-2022-1');
    expect(merged[0].ids).toEqual([
      'GO-2022-1',
      'CVE-2022-1',
      'CVE-2022-2',
      'GHSA-xxxx-yyyy-zzzz',
      'GO-2022-2',
    ]);
  });

  it('marks the vulnerability malicious when any merged advisory is', () => {
    const merged = mergeMatches('npm', [
      matched('npm', 'MAL-2025-1', ['GHSA-mmmm-mmmm-mmmm'], { malicious: true }),
      matched('npm', 'GHSA-mmmm-mmmm-mmmm', []),
    ]);
    expect(merged.map((v) => [v.id, v.malicious, v.severity.level])).toEqual([
      ['GHSA-mmmm-mmmm-mmmm', true, 'critical'],
    ]);
  });

  it.each([
    ['npm', ['NSP-1', 'GHSA-b', 'MAL-1'], 'GHSA-b'],
    ['npm', ['NSP-1', 'MAL-1'], 'MAL-1'],
    ['PyPI', ['GHSA-b', 'PYSEC-2020-1'], 'PYSEC-2020-1'],
    ['Go', ['GHSA-b', 'GO-2020-1'], 'GO-2020-1'],
    ['Maven', ['CVE-1', 'GHSA-b'], 'GHSA-b'],
    ['crates.io', ['RUSTSEC-2020-1'], 'RUSTSEC-2020-1'],
  ] as Array<[Ecosystem, string[], string]>)('%s prefers %j → %s', (ecosystem, ids, expected) => {
    expect(primaryId(ecosystem, ids)).toBe(expected);
  });
});
