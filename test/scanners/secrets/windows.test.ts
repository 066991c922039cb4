import { describe, expect, it } from 'vitest';

import { KeywordMatcher } from '../../../src/scanners/secrets/keyword-matcher.js';
import { KEYWORD_LIMIT, windowsAround } from '../../../src/scanners/secrets/windows.js';

describe('windowsAround', () => {
  // 400 lines of 99 characters and a newline: line n starts at offset 100 * n.
  const text = Array.from(
    { length: 400 },
    (_, n) => `${String(n).padStart(3, '0')}${'.'.repeat(96)}`,
  ).join('\n');

  it.each([
    ['no keyword positions: the whole text', null, [[0, text.length]]],
    ['one occurrence: whole lines from 1 KiB before to 8 KiB after', [20_050], [[19_000, 28_299]]],
    ['two close occurrences merge', [5_010, 6_020], [[3_900, 14_299]]],
    [
      'two far occurrences stay apart',
      [1_010, 30_020],
      [
        [0, 9_299],
        [28_900, 38_299],
      ],
    ],
    ['windows covering half the text: the whole text', [1_010, 12_000, 24_000], [[0, text.length]]],
  ])('%s', (_name, ends, expected) => {
    expect(windowsAround(text, ends)).toEqual(expected);
  });

  it.each([
    ['a reach of 256: whole lines up to 256 after', [20_050], [[19_000, 20_399]]],
    [
      'unsorted occurrences of two keywords',
      [30_020, 1_010],
      [
        [0, 1_299],
        [28_900, 30_299],
      ],
    ],
  ])('%s', (_name, ends, expected) => {
    expect(windowsAround(text, ends, 256)).toEqual(expected);
  });
});

describe('KeywordMatcher.scan', () => {
  const matcher = new KeywordMatcher(['ghp_', 'key']);

  it('gives the offset after each occurrence, or null past the limit', () => {
    const hits = matcher.scan('a KEY, ghp_x, key', 4);
    expect([...hits.entries()]).toEqual([
      [1, [5, 17]],
      [0, [11]],
    ]);
    expect(matcher.scan('key '.repeat(KEYWORD_LIMIT + 1), KEYWORD_LIMIT).get(1)).toBeNull();
  });
});
