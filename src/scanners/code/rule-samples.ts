import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

import type { CompiledRule } from './compiled-rule.js';
import { scanSource } from './engine.js';
import { languageOf, RULE_LANGUAGES } from './languages.js';
import { BUILTIN_RULES_DIR, loadRulePack, type RuleLoadError } from './rule-loader.js';

/** One annotation in a sample file: the line it points at must (expect) or must not (ok) match. */
export interface SampleCase {
  file: string;
  /** 1-based line the annotation points at. */
  line: number;
  ruleId: string;
  expect: boolean;
}

/** A sample check that failed: which rule, which file and line, and what went wrong. */
export interface SampleFailure {
  ruleId: string;
  file: string;
  line: number;
  problem: string;
}

/** The outcome of running every sample of a rules folder. */
export interface SampleReport {
  rules: number;
  files: number;
  /** Annotations checked: each one passes or fails. */
  cases: number;
  /** Annotations that do not hold: at most one per case. */
  failures: SampleFailure[];
  /** Findings of an annotated rule on a line with no annotation (not counted as cases). */
  unexpected: SampleFailure[];
  /** Rules loaded from the folder that have fewer than 2 positive and 2 negative cases. */
  thin: Array<{ ruleId: string; positives: number; negatives: number }>;
  errors: RuleLoadError[];
  warnings: string[];
}

const ANNOTATION = /(?:\/\/|#|\/\*)\s*bulwark-(expect|ok):\s*([\w/.-]+)/;

/** Sample files of a rules folder: `<id>.test.<ext>` beside rules, and files under `samples/`. */
export function sampleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const language of RULE_LANGUAGES) {
    const folder = join(dir, language);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (/\.test\.[a-z]+$/.test(name) && languageOf(name)) out.push(path);
      if (name === 'samples' && statSync(path).isDirectory()) {
        out.push(
          ...readdirSync(path)
            .sort()
            .map((file) => join(path, file))
            .filter((file) => languageOf(file)),
        );
      }
    }
  }
  return out;
}

/** The annotations of one sample file; `language` turns short ids into `code/<language>/<id>`. */
export function parseAnnotations(file: string, text: string, language: string): SampleCase[] {
  const lines = text.split('\n');
  const cases: SampleCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = ANNOTATION.exec(lines[i]);
    if (!found) continue;
    let target = i + 1;
    while (target < lines.length && ANNOTATION.test(lines[target])) target++;
    const id = found[2].startsWith('code/') ? found[2] : `code/${language}/${found[2]}`;
    cases.push({ file, line: target + 1, ruleId: id, expect: found[1] === 'expect' });
  }
  return cases;
}

/**
 * Run the annotated samples of a rules folder (the built-in packs when `dir` is not given)
 * with every rule loaded, and report each case that does not hold and each unexpected finding
 * of a rule the file annotates.
 */
export function runRuleSamples(dir: string = BUILTIN_RULES_DIR): SampleReport {
  const root = resolve(dir);
  const builtin = root === BUILTIN_RULES_DIR;
  const pack = loadRulePack(
    builtin
      ? [{ dir: root, builtin: true }]
      : [
          { dir: BUILTIN_RULES_DIR, builtin: true },
          { dir: root, builtin: false },
        ],
  );
  const report: SampleReport = {
    rules: 0,
    files: 0,
    cases: 0,
    failures: [],
    unexpected: [],
    thin: [],
    errors: pack.errors,
    warnings: pack.warnings,
  };
  const counts = new Map<string, { positives: number; negatives: number }>();

  for (const file of sampleFiles(root)) {
    const shown = relative(process.cwd(), file) || basename(file);
    const cases = checkSample(file, shown, pack.rules, report);
    report.files++;
    report.cases += cases.length;
    for (const c of cases) {
      const count = counts.get(c.ruleId) ?? { positives: 0, negatives: 0 };
      if (c.expect) count.positives++;
      else count.negatives++;
      counts.set(c.ruleId, count);
    }
  }

  const own = pack.rules.filter((rule) => rule.file.startsWith(root));
  report.rules = own.length;
  for (const rule of own) {
    const count = counts.get(rule.ruleId) ?? { positives: 0, negatives: 0 };
    if (count.positives < 2 || count.negatives < 2)
      report.thin.push({ ruleId: rule.ruleId, ...count });
  }
  return report;
}

function checkSample(
  file: string,
  shown: string,
  rules: CompiledRule[],
  report: SampleReport,
): SampleCase[] {
  const language = languageOf(file);
  if (!language) return [];
  const text = readFileSync(file, 'utf8');
  const cases = parseAnnotations(shown, text, language.rules);
  const matches = scanSource(text, language, rules);
  const found = new Set(matches.map((m) => `${m.ruleId}:${m.span.startLine}`));
  const known = new Set(rules.map((rule) => rule.ruleId));

  for (const c of cases) {
    if (!known.has(c.ruleId)) {
      report.failures.push({ ...c, problem: 'no loaded rule has this id' });
      continue;
    }
    const hit = found.has(`${c.ruleId}:${c.line}`);
    if (c.expect && !hit) report.failures.push({ ...c, problem: 'expected a finding, got none' });
    if (!c.expect && hit)
      report.failures.push({ ...c, problem: 'reported, but the sample marks the line safe' });
  }
  const annotated = new Set(cases.map((c) => c.ruleId));
  const expected = new Set(cases.filter((c) => c.expect).map((c) => `${c.ruleId}:${c.line}`));
  for (const m of matches) {
    const key = `${m.ruleId}:${m.span.startLine}`;
    const markedOk = cases.some((c) => !c.expect && `${c.ruleId}:${c.line}` === key);
    if (annotated.has(m.ruleId) && !expected.has(key) && !markedOk) {
      report.unexpected.push({
        ruleId: m.ruleId,
        file: shown,
        line: m.span.startLine,
        problem: 'reported on a line with no annotation',
      });
    }
  }
  return cases;
}
