import { describe, expect, it } from 'vitest';

import { KeywordMatcher } from '../../../src/scanners/secrets/keyword-matcher.js';

describe('KeywordMatcher', () => {
  const matcher = new KeywordMatcher(['ghp_', 'key', 'api_key', 'apikey', 'he', 'she', 'hers']);

  it.each([
    ['nothing at all', []],
    ['GHP_ABC', ['ghp_']],
    ['my_API_KEY=1', ['key', 'api_key']],
    ['apikey', ['key', 'apikey']],
    ['ushers', ['he', 'she', 'hers']],
    ['é ghp_ ключ key', ['ghp_', 'key']],
    ['ke\ny', []],
  ])('finds the keywords in %j', (text, expected) => {
    expect(matcher.find(text).map((k) => matcher.keywords[k])).toEqual(
      expected.sort((a, b) => matcher.keywords.indexOf(a) - matcher.keywords.indexOf(b)),
    );
  });
});
