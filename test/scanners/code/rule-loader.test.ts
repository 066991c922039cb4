import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadRulePack } from '../../../src/scanners/code/rule-loader.js';

const HEADER = [
  'title: t',
  'message: m',
  'severity: low',
  'confidence: high',
  'cwe: [CWE-1]',
  'owasp: A05:2021 Security Misconfiguration',
  'help: h',
  'fix: f',
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A rules folder with one good rule and one file under test. */
function folder(name: string, text: string, language = 'js'): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-loader-'));
  dirs.push(dir);
  mkdirSync(join(dir, language), { recursive: true });
  writeFileSync(
    join(dir, language, 'good.yaml'),
    ['id: good', ...HEADER, 'rule:', '  pattern: good($X)'].join('\n'),
  );
  writeFileSync(join(dir, language, name), text);
  return dir;
}

describe('loadRulePack errors', () => {
  it.each([
    {
      name: 'invalid YAML',
      text: 'id: [unclosed',
      ruleId: undefined,
      problem:
        /^not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    },
    {
      name: 'a schema violation',
      text: [
        'id: bad-severity',
        ...HEADER.filter((l) => !l.startsWith('severity')),
        'severity: urgent',
        'rule:',
        '  pattern: x()',
      ].join('\n'),
      ruleId: 'code/js/bad-severity',
      problem: /^severity: /,
    },
    {
      name: 'both rule and taint',
      text: [
        'id: both',
        ...HEADER,
        'rule:',
        '  pattern: x()',
        'taint:',
        '  sources: [{pattern: a}]',
        '  sinks: [{focus: X, rule: {pattern: b($X)}}]',
      ].join('\n'),
      ruleId: 'code/js/both',
      problem: /either `rule`/,
    },
    {
      name: 'an unknown node kind',
      text: ['id: bad-kind', ...HEADER, 'rule:', '  kind: no_such_kind'].join('\n'),
      ruleId: 'code/js/bad-kind',
      problem: /^ast-grep cannot use the rule for /,
    },
    {
      name: 'a sink focus that the sink never binds',
      text: [
        'id: bad-focus',
        ...HEADER,
        'taint:',
        '  sources: [{pattern: src()}]',
        '  sinks: [{focus: CMD, rule: {pattern: run($X)}}]',
      ].join('\n'),
      ruleId: 'code/js/bad-focus',
      problem: /focus CMD does not appear/,
    },
    {
      name: 'an empty file',
      text: '',
      ruleId: undefined,
      problem:
        /^the file is empty; a rule file is one mapping with id, title, message, severity, confidence, cwe, owasp, help, fix, and rule or taint \(see docs\/code-rules.md\)$/,
    },
    {
      name: 'a list instead of a mapping',
      text: '- id: a\n- id: b\n',
      ruleId: undefined,
      problem: /^the file holds a list; a rule file is one mapping/,
    },
    {
      name: 'a prefilterRegex that is not a JavaScript regular expression',
      text: [
        'id: bad-gate',
        ...HEADER,
        "prefilterRegex: ['(unclosed']",
        'rule:',
        '  pattern: x()',
      ].join('\n'),
      ruleId: 'code/js/bad-gate',
      problem: /^prefilterRegex\.0: not a valid JavaScript regular expression$/,
    },
  ])(
    'reports $name with file, rule id and problem, and keeps the other rules',
    ({ text, ruleId, problem }) => {
      const dir = folder('broken.yaml', text);

      const pack = loadRulePack([{ dir, builtin: false }]);

      expect(pack.rules.map((rule) => rule.ruleId)).toEqual(['code/js/good']);
      expect(pack.errors).toHaveLength(1);
      expect(pack.errors[0].file).toBe(join(dir, 'js', 'broken.yaml'));
      expect(pack.errors[0].ruleId).toBe(ruleId);
      expect(pack.errors[0].problem).toMatch(problem);
    },
  );

  it.each([
    { name: 'a bad severity', body: ['severity: urgent'], line: 11 },
    { name: 'an unknown key', body: ['language: js'], line: 12 },
    {
      name: 'an unbound constraint regex',
      body: ['constraints:', '  X:', '    regex: "([a-"'],
      line: 13,
    },
  ])('points $name at its line', ({ body, line }) => {
    const text = [
      'id: located',
      ...HEADER.filter((l) => !l.startsWith('severity')),
      ...(body[0].startsWith('severity') ? [] : ['severity: low']),
      'rule:',
      '  pattern: located($X)',
      ...body,
    ].join('\n');
    const dir = folder('located.yaml', text);
    const pack = loadRulePack([{ dir, builtin: false }]);
    expect(pack.errors.map((e) => e.line)).toEqual([line]);
  });

  it('refuses a second rule with the same id', () => {
    const dir = folder(
      'again.yaml',
      ['id: good', ...HEADER, 'rule:', '  pattern: other($X)'].join('\n'),
    );
    const pack = loadRulePack([{ dir, builtin: false }]);
    expect(pack.errors).toEqual([
      {
        file: join(dir, 'js', 'again.yaml'),
        line: 1,
        ruleId: 'code/js/good',
        problem:
          'good.yaml (named after the id) already declares the id good and is the one loaded; give this rule an id of its own and name its file <id>.yaml',
      },
    ]);
    expect(pack.rules.map((rule) => [rule.ruleId, rule.file])).toEqual([
      ['code/js/good', join(dir, 'js', 'good.yaml')],
    ]);
  });

  it('points a YAML syntax error at its line and column', () => {
    const dir = folder('broken.yaml', 'id: [unclosed');
    expect(loadRulePack([{ dir, builtin: false }]).errors.map((e) => [e.line, e.column])).toEqual([
      [1, 14],
    ]);
  });

  it('never shows the prefixes it gives metavariables', () => {
    const dir = folder(
      'unbound.yaml',
      [
        'id: unbound',
        ...HEADER,
        'rule:',
        '  pattern: unbound($X)',
        'constraints:',
        '  Y:',
        '    regex: abc',
      ].join('\n'),
    );
    const pack = loadRulePack([{ dir, builtin: false }]);
    expect(pack.errors.map((e) => [e.line, e.problem])).toEqual([
      [
        13,
        "constraints.Y: the rule's patterns bind no $Y; constrain a metavariable they bind, such as $X",
      ],
    ]);
  });

  it('keeps a JSX-only rule for the parsers that know JSX', () => {
    const dir = folder(
      'jsx.yaml',
      ['id: jsx-only', ...HEADER, 'rule:', '  kind: jsx_attribute'].join('\n'),
    );
    const rule = loadRulePack([{ dir, builtin: false }]).rules.find(
      (r) => r.ruleId === 'code/js/jsx-only',
    );
    expect(rule?.parsers.map(String).sort()).toEqual(['JavaScript', 'Tsx']);
  });
});
