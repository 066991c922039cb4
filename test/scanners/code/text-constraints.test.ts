import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parse, type NapiConfig, type SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';

import {
  constraintsFor,
  entryChecks,
  entryConfig,
  passesChecks,
  utilsFor,
} from '../../../src/scanners/code/compiled-rule.js';
import { languageOf } from '../../../src/scanners/code/languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../../src/scanners/code/rule-loader.js';
import { sampleFiles } from '../../../src/scanners/code/rule-samples.js';
import { jsRegexOf, textTestOf } from '../../../src/scanners/code/text-constraints.js';
import { walk } from '../../helpers/walk.js';

describe('jsRegexOf', () => {
  it.each([
    ['^(?:db|pool)$', 'pool', true],
    ['^(?:db|pool)$', 'pools', false],
    ['(?i)^token$', 'TOKEN', true],
    ['^token$', 'TOKEN', false],
    [String.raw`^\w+$`, 'café', true],
    [String.raw`^\d+$`, '٣٤', true],
    [String.raw`^a\sb$`, 'a\u00a0b', true],
    [String.raw`^[\w$.]+$`, 'a.b$c', true],
    [String.raw`^[\w$.]+$`, 'a-b', false],
    ['^a.b$', 'a\rb', true],
    ['^a.b$', 'a\nb', false],
    [String.raw`^['"]x['"]$`, '"x\'', true],
    [String.raw`\'`, "it's", true],
    [String.raw`(?i)\bselect\b`, 'SELECT *', true],
    [String.raw`(?i)\bselect\b`, 'selected', false],
    [String.raw`\bselect\b`, 'éselect', false],
    [String.raw`a\Bb`, 'ab', true],
  ])('%s on %j is %s', (source, text, expected) => {
    expect(jsRegexOf(source)?.test(text)).toBe(expected);
  });

  it.each([
    '(?=a)b',
    '(?s)a.b',
    'a(?i)b',
    '[[:alpha:]]',
    '[a-z&&[^x]]',
    String.raw`(a)\1`,
    '[]a]',
    String.raw`\x41`,
    String.raw`\pL`,
    '[a-z',
  ])('leaves %s to ast-grep', (source) => {
    expect(jsRegexOf(source)).toBeUndefined();
  });
});

describe('textTestOf', () => {
  it('combines regex, not, any and all', () => {
    const test = textTestOf({
      all: [{ regex: '^[a-z]+$' }, { not: { any: [{ regex: 'test' }, { regex: '^x' }] } }],
    });
    expect(['abc', 'atest', 'xyz', 'ABC'].map((text) => test?.(text))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('leaves constraints that look at the tree to ast-grep', () => {
    expect(textTestOf({ kind: 'string' })).toBeUndefined();
    expect(textTestOf({ not: { matches: 'literal' } })).toBeUndefined();
    expect(textTestOf({ regex: 'a', kind: 'identifier' })).toBeUndefined();
    expect(textTestOf({})).toBeUndefined();
  });
});

const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
const CORPUS = resolve(BUILTIN_RULES_DIR, '..', '..', 'bench', 'corpus', 'code');

const files = [...sampleFiles(BUILTIN_RULES_DIR), ...walk(CORPUS)].filter((f) => languageOf(f));
/** Rule parts whose constraints include one checked in JavaScript, in the built-in rules. */
const SPLIT_ENTRIES = 33;
const where = (node: SgNode): string => `${node.range().start.index}-${node.range().end.index}`;

describe('constraints checked in JavaScript give what ast-grep gives', () => {
  const split = rules.flatMap((rule) =>
    rule.entries
      .filter((entry) => entryChecks(rule, entry.rule).length > 0)
      .map((entry, at) => ({ name: `${rule.ruleId} part ${at + 1}`, rule, entry })),
  );

  it('moves the constraints made of regexes alone out of ast-grep', () => {
    expect(split.length).toBe(SPLIT_ENTRIES);
  });

  it.each(split)('$name', ({ rule, entry }) => {
    const constraints = constraintsFor(rule, entry.rule);
    const native = {
      rule: entry.rule,
      constraints,
      utils: utilsFor(rule.utils, [entry.rule, ...Object.values(constraints)]),
    } as NapiConfig;
    const checks = entryChecks(rule, entry.rule);
    let compared = 0;
    for (const file of files) {
      const language = languageOf(file);
      if (!language || language.rules !== rule.language) continue;
      if (!rule.parsers.includes(language.parser)) continue;
      const root = parse(language.parser, readFileSync(file, 'utf8')).root();
      const expected = root.findAll(native).map(where);
      const found = root
        .findAll(entryConfig(rule, entry.rule) as NapiConfig)
        .filter((node) => passesChecks(checks, (name) => node.getMatch(name)?.text()))
        .map(where);
      expect(found, file).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
