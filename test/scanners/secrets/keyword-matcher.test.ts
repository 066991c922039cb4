import { describe, expect, it } from 'vitest';

import { KeywordMatcher } from '../../../src/scanners/secrets/keyword-matcher.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';

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

describe('KeywordMatcher with the built-in keywords', () => {
  const rules = loadSecretRules();
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords.map((k) => k.toLowerCase())))];
  const matcher = new KeywordMatcher(keywords);
  const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

  /** Every occurrence of every keyword, by a plain search: keyword index to offsets past it. */
  function naive(text: string): Map<number, number[]> {
    const lower = asciiLower(text);
    const out = new Map<number, number[]>();
    keywords.forEach((keyword, k) => {
      for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) {
        out.set(k, [...(out.get(k) ?? []), at + keyword.length]);
      }
    });
    return out;
  }

  const examples = rules.flatMap((rule) => [
    ...rule.examples.positive,
    ...rule.examples.negative.map((e) => e.text),
  ]);
  it.each([
    ['every rule example', examples.join('\n')],
    ['keywords run together', keywords.join('')],
    ['keywords in upper case between non-ASCII text', keywords.join('é ключ ').toUpperCase()],
  ])('finds every occurrence in %s', (_name, text) => {
    const found = matcher.scan(text, Number.POSITIVE_INFINITY);
    expect(new Map([...found].sort((a, b) => a[0] - b[0]))).toEqual(
      new Map([...naive(text)].sort((a, b) => a[0] - b[0])),
    );
  });
});
