import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { BUILTIN_RULES_DIR, loadRulePack } from '../../../src/scanners/code/rule-loader.js';
import { parseAnnotations, runRuleSamples } from '../../../src/scanners/code/rule-samples.js';

describe('built-in rule samples', () => {
  const report = runRuleSamples(BUILTIN_RULES_DIR);

  it('loads every built-in rule without errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('passes every annotated case (failures name rule, file and line)', () => {
    const failures = [...report.failures, ...report.unexpected].map(
      (f) => `${f.ruleId} ${f.file}:${f.line} ${f.problem}`,
    );
    expect(failures).toEqual([]);
  });

  it('gives every rule at least 2 positive and 2 negative cases', () => {
    expect(report.thin).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(report.rules * 4);
  });

  it.each([
    ['js', 40],
    ['python', 20],
    ['go', 5],
    ['java', 5],
    ['ruby', 5],
    ['php', 5],
  ])('ships at least the promised number of %s rules (%i)', (language, minimum) => {
    const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
    expect(rules.filter((rule) => rule.language === language).length).toBeGreaterThanOrEqual(
      minimum,
    );
  });
});

describe('parseAnnotations', () => {
  it.each([
    [
      '// bulwark-expect: eval-injection\neval(x);',
      'js',
      [{ line: 2, ruleId: 'code/js/eval-injection', expect: true }],
    ],
    [
      '# bulwark-ok: os-system (fixed)\nos.system("ls")',
      'python',
      [{ line: 2, ruleId: 'code/python/os-system', expect: false }],
    ],
    [
      '{/* bulwark-expect: code/js/x */}\n<p/>',
      'js',
      [{ line: 2, ruleId: 'code/js/x', expect: true }],
    ],
    [
      '// bulwark-expect: a\n// bulwark-ok: b\nrun();',
      'js',
      [
        { line: 3, ruleId: 'code/js/a', expect: true },
        { line: 3, ruleId: 'code/js/b', expect: false },
      ],
    ],
  ])('reads %j', (text, language, expected) => {
    const cases = parseAnnotations('f', text, language).map(({ line, ruleId, expect: e }) => ({
      line,
      ruleId,
      expect: e,
    }));
    expect(cases).toEqual(expected);
  });
});

describe('samples of a team rules folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missed expectation and an unannotated finding with file and line', () => {
    mkdirSync(join(dir, 'js'));
    writeFileSync(
      join(dir, 'js', 'no-debugger-call.yaml'),
      [
        'id: no-debugger-call',
        'title: t',
        'message: m',
        'severity: low',
        'confidence: high',
        'cwe: [CWE-489]',
        'owasp: A05:2021 Security Misconfiguration',
        'help: h',
        'fix: f',
        'rule:',
        '  pattern: debugHook($X)',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'js', 'no-debugger-call.test.js'),
      [
        '// bulwark-expect: no-debugger-call',
        'other(1);',
        'debugHook(2);',
        '// bulwark-ok: no-debugger-call',
        'debugHook(3);',
      ].join('\n'),
    );

    const report = runRuleSamples(dir);

    expect(report.rules).toBe(1);
    expect(report.cases).toBe(2);
    expect(report.failures.map((f) => [f.line, f.problem])).toEqual([
      [2, 'expected a finding, got none'],
      [5, 'reported, but the sample marks the line safe'],
    ]);
    expect(report.unexpected.map((f) => [f.line, f.problem])).toEqual([
      [3, 'reported on a line with no annotation'],
    ]);
    expect(
      [...report.failures, ...report.unexpected].every(
        (f) =>
          f.ruleId === 'code/js/no-debugger-call' && f.file.endsWith('no-debugger-call.test.js'),
      ),
    ).toBe(true);
  });
});
