import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { scanSource, type RawMatch, type ScanStats } from '../../../src/scanners/code/engine.js';
import { languageOf } from '../../../src/scanners/code/languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../../src/scanners/code/rule-loader.js';
import { parseAnnotations, sampleFiles } from '../../../src/scanners/code/rule-samples.js';
import { walk } from '../../helpers/walk.js';

const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
const CORPUS = resolve(BUILTIN_RULES_DIR, '..', '..', 'bench', 'corpus', 'code');

/** Every annotated file: the rule samples and the benchmark corpus. */
const files = [...sampleFiles(BUILTIN_RULES_DIR), ...walk(CORPUS)].filter((f) => languageOf(f));

function scan(file: string, prefilter: boolean): RawMatch[] {
  const language = languageOf(file);
  if (!language) throw new Error(`no language for ${file}`);
  return scanSource(readFileSync(file, 'utf8'), language, rules, { prefilter });
}

const brief = (m: RawMatch): string => `${m.ruleId}:${m.span.startLine}:${m.span.startColumn}`;

describe('the prefilter is conservative', () => {
  const cases = sampleFiles(BUILTIN_RULES_DIR).flatMap((file) => {
    const language = languageOf(file);
    if (!language) return [];
    const text = readFileSync(file, 'utf8');
    return parseAnnotations(file, text, language.rules)
      .filter((c) => c.expect)
      .map((c) => ({
        name: `${c.ruleId} ${file.slice(BUILTIN_RULES_DIR.length + 1)}:${c.line}`,
        c,
      }));
  });

  it('covers every built-in rule with at least one expected line', () => {
    const covered = new Set(cases.map(({ c }) => c.ruleId));
    expect(rules.filter((rule) => !covered.has(rule.ruleId)).map((r) => r.ruleId)).toEqual([]);
  });

  it.each(cases)('$name still fires with the prefilter on', ({ c }) => {
    const lines = scan(c.file, true)
      .filter((m) => m.ruleId === c.ruleId)
      .map((m) => m.span.startLine);
    expect(lines).toContain(c.line);
  });

  it.each(files.map((file) => [file.slice(CORPUS.length - 20), file]))(
    '%s: the same findings with and without the prefilter',
    (_, file) => {
      expect(scan(file, true).map(brief).sort()).toEqual(scan(file, false).map(brief).sort());
    },
  );
});

describe('files without a rule’s words are not parsed', () => {
  const js = languageOf('a.js');
  if (!js) throw new Error('no JavaScript');

  it.each([
    {
      name: 'no file has a rule’s words',
      texts: ['const a = 1;\n', 'export function add(a, b) { return a + b; }\n'],
      parsed: 0,
      found: [],
    },
    {
      name: 'a word alone is not enough: `exec` is never called',
      texts: ['const exec = 1;\nmodule.exports = { exec };\n'],
      parsed: 0,
      found: [],
    },
    {
      name: 'one of three files calls eval',
      texts: ['const a = 1;\n', 'const b = 2;\n', 'const c = eval(input);\n'],
      parsed: 1,
      found: ['code/js/eval-injection:1'],
    },
    {
      name: 'the request source without any sink',
      texts: ['module.exports = (req, res) => res.json(req.query.id);\n'],
      parsed: 0,
      found: [],
    },
    {
      name: 'prefilterRegex: a loop copies other keys, Function is only a type, a token is not compared',
      texts: [
        'for (const k in src) {\n  out[k] = src[other];\n}\n',
        'const f: Function = g;\n',
        'if (ready) {\n  send(token);\n}\n',
      ],
      parsed: 0,
      found: [],
    },
    {
      name: 'prefilterRegex: the same loop copying its own key is parsed and reported',
      texts: ['for (const k in src) {\n  out[k] = src[k];\n}\n'],
      parsed: 1,
      found: ['code/js/prototype-pollution-merge:2'],
    },
  ])('$name', ({ texts, parsed, found }) => {
    const stats: ScanStats = { files: 0, parsed: 0 };
    const matches = texts.flatMap((text) => scanSource(text, js, rules, { stats }));
    expect(stats).toEqual({ files: texts.length, parsed });
    expect(matches.map((m) => `${m.ruleId}:${m.span.startLine}`)).toEqual(found);
  });
});
