import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const META = [
  'title: t',
  'severity: high',
  'confidence: high',
  'cwe: [CWE-308]',
  'owasp: A07:2021 Identification and Authentication Failures',
  'help: h',
  'fix: f',
];

/** A rule file: its id, message and the lines after the shared metadata. */
function rule(id: string, body: string[], message = 'm'): string {
  return [`id: ${id}`, `message: "${message}"`, ...META, ...body, ''].join('\n');
}

const LANGUAGES = 'js, python, go, java, ruby, php';

interface JsonReport {
  problems: Array<{ path: string; line?: number; message: string }>;
  findings: Array<{ ruleId: string; location: { path: string; startLine: number } }>;
}

interface SarifLog {
  runs: Array<{
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications: Array<{
        message: { text: string };
        locations: Array<{ physicalLocation: { region?: unknown } }>;
        properties?: unknown;
      }>;
    }>;
  }>;
}

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('app.js', 'legacyLogin(user);\n');
});
afterEach(() => repo.remove());

describe('broken team rules fail the scan', () => {
  const cases: Array<[string, string, string, number?, number?]> = [
    [
      'a missing field',
      [
        'id: no-owasp',
        'message: m',
        'title: t',
        'severity: high',
        'confidence: high',
        'cwe: [CWE-1]',
        'help: h',
        'fix: f',
        'rule:',
        '  pattern: legacyLogin($$$)',
        '',
      ].join('\n'),
      'rule code/js/no-owasp: owasp: missing (a rule needs id, title, message, severity, confidence, cwe, owasp, help, fix, and rule or taint)',
    ],
    [
      'neither rule nor taint',
      rule('no-rule', []),
      'rule code/js/no-rule: missing: add `rule` (a pattern rule) or `taint` (a taint rule)',
    ],
    [
      'a pattern ast-grep cannot parse',
      rule('bad-pattern', ['rule:', '  pattern: "foo(((("']),
      'rule code/js/bad-pattern: ast-grep cannot parse the pattern `foo((((` as js code; write it as code that compiles, with $NAME for the parts that vary',
      11,
    ],
    [
      'an autofix target the rule does not bind',
      rule('bad-target', [
        'autofix:',
        '  template: login($A)',
        '  target: NOPE',
        'rule:',
        '  pattern: legacyLogin($A)',
      ]),
      'rule code/js/bad-target: autofix.target NOPE is not a metavariable of the rule; name one its pattern binds, such as A',
      12,
    ],
    [
      'a message variable the rule does not bind',
      rule('bad-message', ['rule:', '  pattern: legacyLogin($A)'], '$FN is called'),
      'rule code/js/bad-message: message uses $FN, which the rule does not bind; bind it in the pattern or reword the message',
      2,
    ],
    [
      'a constraint regex that does not compile',
      rule('bad-regex', [
        'rule:',
        '  pattern: legacyLogin($A)',
        'constraints:',
        '  A:',
        '    regex: "([a-"',
      ]),
      'rule code/js/bad-regex: constraints.A: Rule contains invalid regex matcher: Parsing text matcher fails: regex parse error: ([a-: error: unclosed character class',
      13,
    ],
    [
      'an unknown utility',
      rule('bad-util', ['rule:', '  matches: no-such-util']),
      "rule code/js/bad-util: matches: no-such-util names no utility rule; define it under utils: in the rule file or in the folder's shared.yaml",
      11,
    ],
    [
      'a constraint on a metavariable the pattern does not bind',
      rule('unbound-constraint', [
        'rule:',
        '  pattern: legacyLogin($X)',
        'constraints: { Y: { regex: abc } }',
      ]),
      "rule code/js/unbound-constraint: constraints.Y: the rule's patterns bind no $Y; constrain a metavariable they bind, such as $X",
      12,
    ],
    [
      'an unknown top-level key',
      rule('unknown-key', ['rule:', '  pattern: legacyLogin($X)', 'severity_override: low']),
      'rule code/js/unknown-key: severity_override: not a key of a rule file (did you mean severity?); its keys are id, title, message, severity, confidence, cwe, owasp, references, help, fix, autofix, tags, prefilter, prefilterRegex, rule, constraints, utils, taint',
      12,
    ],
    [
      'an unknown key of an ast-grep rule',
      rule('unknown-rule-key', ['rule:', '  patern: legacyLogin($X)']),
      'rule code/js/unknown-rule-key: rule.patern: not a key of an ast-grep rule (did you mean pattern?); its keys are pattern, kind, regex, nthChild, range, matches, inside, has, precedes, follows, all, any, not',
      11,
    ],
    [
      'broken YAML',
      'id: x\ntitle: a: b: c\n',
      'not valid YAML: Nested mappings are not allowed in compact mappings',
      2,
      8,
    ],
  ];

  it('each broken rule file is a problem in JSON and SARIF, and the scan exits 2', () => {
    cases.forEach(([, text], i) => repo.write(`.bulwark/rules/js/broken-${i}.yaml`, text));
    const expected = cases.map(([, , message, line, column], i) => ({
      path: `.bulwark/rules/js/broken-${i}.yaml`,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
      message,
      kind: 'rule',
    }));
    const json = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(json.status).toBe(2);
    const problems = (JSON.parse(json.stdout) as JsonReport).problems;
    const byPath = (a: { path: string }, b: { path: string }): number =>
      a.path.localeCompare(b.path);
    expect([...problems].sort(byPath)).toEqual([...expected].sort(byPath));

    const sarif = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'sarif']);
    expect(sarif.status).toBe(2);
    const invocation = (JSON.parse(sarif.stdout) as SarifLog).runs[0]?.invocations[0];
    expect(invocation?.executionSuccessful).toBe(false);
    const notes = invocation?.toolExecutionNotifications.map((n) => n.message.text) ?? [];
    expect(notes.sort()).toEqual(expected.map((e) => e.message).sort());
    const yaml = invocation?.toolExecutionNotifications.find((n) =>
      n.message.text.startsWith('not valid YAML'),
    );
    expect(yaml?.locations[0]?.physicalLocation.region).toEqual({ startLine: 2, startColumn: 8 });
    expect(yaml?.properties).toEqual({ kind: 'rule' });
  });

  it('labels rule files and a missing rules folder apart from unread input in the text report', () => {
    repo.write('.bulwark/rules/js/bad-yaml.yaml', 'id: x\ntitle: a: b: c\n');
    repo.write(
      '.bulwark/rules/js/unbound.yaml',
      rule('unbound', [
        'rule:',
        '  pattern: legacyLogin($X)',
        'constraints:',
        '  Y:',
        '    regex: abc',
      ]),
    );
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code']);
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n').filter((line) => line.includes('.bulwark/'))).toEqual([
      'rule not loaded: .bulwark/rules/js/bad-yaml.yaml:2:8: not valid YAML: Nested mappings are not allowed in compact mappings',
      "rule not loaded: .bulwark/rules/js/unbound.yaml:13: rule code/js/unbound: constraints.Y: the rule's patterns bind no $Y; constrain a metavariable they bind, such as $X",
    ]);
    expect(run.stdout).not.toMatch(/R\d+_/);

    repo.write('bulwark.yaml', 'version: 1\nscanners:\n  code:\n    rulesDir: does-not-exist\n');
    const missing = bulwark(repo.dir, ['scan', '.', '--scanners', 'code']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain(
      'rules folder not found: does-not-exist: scanners.code.rulesDir: the folder does-not-exist does not exist; create it or fix the path in bulwark.yaml\n',
    );
  });

  it('a configured rulesDir that does not exist, or is a file, is a problem', () => {
    repo.write('bulwark.yaml', 'version: 1\nscanners:\n  code:\n    rulesDir: does-not-exist\n');
    const missing = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(missing.status).toBe(2);
    expect((JSON.parse(missing.stdout) as JsonReport).problems).toEqual([
      {
        path: 'does-not-exist',
        message:
          'scanners.code.rulesDir: the folder does-not-exist does not exist; create it or fix the path in bulwark.yaml',
        kind: 'rules-folder',
      },
    ]);

    repo.write('bulwark.yaml', 'version: 1\nscanners:\n  code:\n    rulesDir: rules.txt\n');
    repo.write('rules.txt', 'not a folder\n');
    const file = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(file.status).toBe(2);
    expect((JSON.parse(file.stdout) as JsonReport).problems).toEqual([
      {
        path: 'rules.txt',
        message: `the rules folder is a file; point rulesDir at a folder holding ${LANGUAGES} sub-folders`,
        kind: 'rules-folder',
      },
    ]);
  });

  it('warns about a sub-folder that is not a language folder, naming the accepted ones', () => {
    repo.write(
      '.bulwark/rules/javascript/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      `${repo.dir}/.bulwark/rules/javascript: not a language folder, its rules are not loaded; language folders are named ${LANGUAGES}`,
    );
  });
});

describe('two rule files with one id', () => {
  const exec = (id: string): string => rule(id, ['rule:', '  pattern: legacyLogin($X)']);

  it('rejects the file not named after the id, even when it comes first', () => {
    repo.write('.bulwark/rules/js/dup.yaml', exec('legacy-login'));
    repo.write('.bulwark/rules/js/legacy-login.yaml', exec('legacy-login'));
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.problems).toEqual([
      {
        path: '.bulwark/rules/js/dup.yaml',
        line: 1,
        message:
          'rule code/js/legacy-login: legacy-login.yaml (named after the id) already declares the id legacy-login and is the one loaded; give this rule an id of its own and name its file <id>.yaml',
        kind: 'rule',
      },
    ]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['code/js/legacy-login']);
  });

  it('keeps the first in path order when neither is named after the id', () => {
    repo.write('.bulwark/rules/js/a.yaml', exec('legacy-login'));
    repo.write('.bulwark/rules/js/b.yaml', exec('legacy-login'));
    const run = bulwark(repo.dir, ['rules', 'list']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      `bulwark warn: ${repo.dir}/.bulwark/rules/js/a.yaml:1: rule code/js/legacy-login is in a.yaml; rule files are named after their id, rename it to legacy-login.yaml`,
      `bulwark error: ${repo.dir}/.bulwark/rules/js/b.yaml:1: rule code/js/legacy-login: a.yaml already declares the id legacy-login and is the one loaded; give this rule an id of its own and name its file <id>.yaml`,
    ]);
  });

  it('loads a rule whose file is not named after its id, with a warning', () => {
    repo.write('.bulwark/rules/js/misnamed.yaml', exec('legacy-login'));
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${repo.dir}/.bulwark/rules/js/misnamed.yaml:1: rule code/js/legacy-login is in misnamed.yaml; rule files are named after their id, rename it to legacy-login.yaml`,
    );
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.ruleId)).toEqual([
      'code/js/legacy-login',
    ]);
  });
});

describe('bulwark rules test', () => {
  it.each([
    ['a folder that does not exist', 'nope', 'rules test: {dir}/nope does not exist'],
    ['a file', 'app.js', 'rules test: {dir}/app.js is a file'],
    [
      'a language folder',
      '.bulwark/rules/js',
      'rules test: {dir}/.bulwark/rules/js is a language folder\n  hint: pass its parent folder, {dir}/.bulwark/rules',
    ],
    [
      'a folder without language folders',
      '.bulwark',
      'rules test: {dir}/.bulwark has no language folders',
    ],
  ])('exits 2 on %s', (_name, arg, message) => {
    repo.write(
      '.bulwark/rules/js/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    const run = bulwark(repo.dir, ['rules', 'test', arg]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message.replaceAll('{dir}', repo.dir));
    expect(run.stdout).toBe('');
  });

  it('counts annotations as cases and unannotated findings apart', () => {
    repo.write(
      '.bulwark/rules/js/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    repo.write(
      '.bulwark/rules/js/legacy.test.js',
      [
        '// bulwark-expect: legacy',
        'legacyLogin(a);',
        'legacyLogin(b);',
        'legacyLogin(c);',
        '',
      ].join('\n'),
    );
    const run = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'UNEXPECTED .bulwark/rules/js/legacy.test.js:3: code/js/legacy: reported on a line with no annotation',
      'UNEXPECTED .bulwark/rules/js/legacy.test.js:4: code/js/legacy: reported on a line with no annotation',
      'THIN code/js/legacy: 1 positive and 0 negative samples (2 and 2 needed)',
      '1 rules, 1 sample files, 1 cases: 1 passed, 0 failed; 2 unexpected findings',
      '',
    ]);
  });

  it('passes + failed always equals the cases', () => {
    repo.write(
      '.bulwark/rules/js/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    repo.write(
      '.bulwark/rules/js/legacy.test.js',
      [
        '// bulwark-expect: legacy',
        'other(a);',
        '// bulwark-ok: legacy',
        'legacyLogin(b);',
        '// bulwark-expect: legacy',
        'legacyLogin(c);',
        '// bulwark-expect: no-such-rule',
        'legacyLogin(d);',
        '',
      ].join('\n'),
    );
    const run = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((line) => !line.startsWith('THIN'))).toEqual([
      'FAIL .bulwark/rules/js/legacy.test.js:2: code/js/legacy: expected a finding, got none',
      'FAIL .bulwark/rules/js/legacy.test.js:4: code/js/legacy: reported, but the sample marks the line safe',
      'FAIL .bulwark/rules/js/legacy.test.js:8: code/js/no-such-rule: no loaded rule has this id',
      'UNEXPECTED .bulwark/rules/js/legacy.test.js:8: code/js/legacy: reported on a line with no annotation',
      '1 rules, 1 sample files, 4 cases: 1 passed, 3 failed; 1 unexpected finding',
      '',
    ]);
  });

  it('exits 1 when the rules have no annotated cases, since nothing was tested', () => {
    repo.write(
      '.bulwark/rules/js/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    const run = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'THIN code/js/legacy: 0 positive and 0 negative samples (2 and 2 needed)\n1 rules, 0 sample files, 0 cases: 0 passed, 0 failed\n',
    );
    expect(run.stderr).toBe(
      'bulwark error: no annotated cases were found, so nothing was tested; put a sample file beside each rule (<id>.test.<ext>) with bulwark-expect: and bulwark-ok: comments (docs/code-rules.md)\n',
    );
  });

  it('gives the same report from the checked-rules cache as from the rule files', () => {
    repo.write(
      '.bulwark/rules/js/legacy.yaml',
      rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']),
    );
    repo.write(
      '.bulwark/rules/js/legacy.test.js',
      '// bulwark-expect: legacy\nlegacyLogin(a);\n// bulwark-ok: legacy\nlogin(a);\n',
    );
    repo.write('.bulwark/rules/js/broken.yaml', rule('broken', ['rule:', '  pattern: "foo(((("']));
    const cache = join(repo.dir, '.xdg-cache');
    const env = { XDG_CACHE_HOME: cache };
    const first = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules'], env);
    const files = readdirSync(join(cache, 'bulwark')).filter((f) => f.startsWith('code-rules-'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    const second = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules'], env);
    expect(second).toEqual(first);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain(
      'broken.yaml:11: rule code/js/broken: ast-grep cannot parse the pattern',
    );
    expect(first.stdout).toContain(
      '1 rules, 1 sample files, 2 cases: 2 passed, 0 failed; 1 rule file not loaded',
    );
  });

  it('exits 2 when a rule of the folder does not load', () => {
    repo.write('.bulwark/rules/js/broken.yaml', rule('broken', []));
    const run = bulwark(repo.dir, ['rules', 'test', '.bulwark/rules']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      '0 rules, 0 sample files, 0 cases: 0 passed, 0 failed; 1 rule file not loaded\n',
    );
  });
});

describe('where team rules are read from', () => {
  const legacy = rule('legacy', ['rule:', '  pattern: legacyLogin($$$)']);

  it('does not scan the rule samples as project code', () => {
    repo.write('.bulwark/rules/js/legacy.yaml', legacy);
    repo.write('.bulwark/rules/js/legacy.test.js', '// bulwark-expect: legacy\nlegacyLogin(a);\n');
    repo.write('.bulwark/rules/js/samples/more.js', 'eval(req.query.a);\n');
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(
      report.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`),
    ).toEqual(['app.js:1 code/js/legacy']);
  });

  it('counts neither the rule files nor other files the code scanner does not read', () => {
    repo.write('.bulwark/rules/js/legacy.yaml', legacy);
    repo.write('.bulwark/rules/js/shared.yaml', 'utils:\n  x:\n    pattern: x\n');
    repo.write('README.md', '# app\n');
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code']);
    expect(run.stdout).toContain('\n1 finding in 1 file, 1 at or above high\n');
  });

  it.each([
    ['a sub-folder', 'src'],
    ['one file', 'src/login.js'],
  ])('loads <repository>/.bulwark/rules when scanning %s', (_name, target) => {
    repo.write('.bulwark/rules/js/legacy.yaml', legacy);
    repo.write('bulwark.yaml', 'version: 1\n');
    repo.write('src/login.js', 'legacyLogin(user);\n');
    const run = bulwark(repo.dir, ['scan', target, '--scanners', 'code', '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(
      report.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`),
    ).toEqual(['login.js:1 code/js/legacy']);
  });
});
