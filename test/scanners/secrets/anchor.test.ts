import { describe, expect, it } from 'vitest';

import { startsWithKeyword } from '../../../src/scanners/secrets/anchor.js';
import { detectSecrets } from '../../../src/scanners/secrets/detect.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';
import { compileRuleSet, type RuleSet } from '../../../src/scanners/secrets/ruleset.js';

describe('startsWithKeyword', () => {
  const generic = ['secret', 'token', 'passw', 'apikey', 'api_key', 'api-key', 'api.key'];
  it.each([
    ['a literal after \\b and a named group', '\\b(?<secret>pat[A-Za-z0-9]{14})\\b', ['pat'], true],
    ['a literal after a lookbehind', '(?<![A-Za-z0-9_-])(?<secret>re_[a-z]{8})', ['re_'], true],
    [
      'alternatives each starting with a keyword',
      '(?:secret|token|passw(?:or)?d|api[_.-]?key)=',
      generic,
      true,
    ],
    [
      'a class branch not covered',
      '(?:secret|api[_.-]?key)=',
      ['secret', 'apikey', 'api_key'],
      false,
    ],
    ['letter-case classes', '(?:SEGMENT_KEY|[Ss]egment[Kk]ey)', ['segment'], true],
    ['upper case literal, lower case keyword', 'PAT_[0-9]+', ['pat'], true],
    ['a keyword in the middle', '\\b(?<secret>[0-9a-f]{32}-us[0-9])\\b', ['-us0'], false],
    ['a top-level alternative without keyword', 'pat[0-9]|xyz', ['pat'], false],
    ['a group alternative without keyword', '(?<secret>pat|xyz)', ['pat'], false],
    ['an optional letter inside the keyword', 'pa?t_', ['pat'], false],
    [
      'an optional prefix outside the keywords',
      '(?:aws_?)?session_?token',
      ['session_token', 'sessiontoken'],
      false,
    ],
    ['a repeated letter inside the keyword', 'pat*x', ['pat'], false],
    ['a digit class first', '\\d{3}pat', ['pat'], false],
    ['any character first', '.pat', ['pat'], false],
    ['a negated class first', '[^a]pat', ['pat'], false],
    ['a range first', '[a-c]pat', ['apat', 'bpat', 'cpat'], false],
    ['a back reference after the keyword', '(pat)\\1', ['pat'], true],
    ['an escaped literal', 'sl\\.[A-Za-z]{130}', ['sl.'], true],
    ['an empty pattern', '', ['pat'], false],
    ['a line start anchor', '^pat[0-9]+', ['pat'], false],
    ['a line end anchor after the keyword', 'pat[0-9]+$', ['pat'], false],
  ])('%s: %s', (_name, pattern, keywords, expected) => {
    expect(startsWithKeyword(pattern, keywords)).toBe(expected);
  });
});

describe('anchored rules', () => {
  const rules = loadSecretRules();
  const anchored = compileRuleSet(rules);
  const searched: RuleSet = {
    ...anchored,
    rules: anchored.rules.map((rule) => ({ ...rule, sticky: undefined })),
  };
  const found = (text: string, ruleSet: RuleSet): string[] =>
    detectSecrets(text, ruleSet).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.secret}`);

  it('are most of the built-in rules', () => {
    const count = anchored.rules.filter((rule) => rule.sticky !== undefined).length;
    expect(count).toBeGreaterThan(rules.length / 2);
  });

  // Every example, many times over, on separate lines and then as one minified line: the
  // sticky patterns find what a search of the text finds.
  const examples = rules.flatMap((rule) => [
    ...rule.examples.positive,
    ...rule.examples.negative.map((e) => e.text),
  ]);
  it.each([
    ['lines', examples.join('\n')],
    ['many occurrences', Array.from({ length: 3 }, () => examples.join('\n')).join('\n')],
    ['one line', examples.join(' ; ')],
  ])('find what a search finds: %s', (_name, text) => {
    const expected = found(text, searched);
    expect(expected.length).toBeGreaterThan(100);
    expect(found(text, anchored)).toEqual(expected);
  });
});
