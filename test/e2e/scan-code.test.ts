import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

interface JsonFinding {
  ruleId: string;
  fingerprint: string;
  location: { path: string; startLine: number; startColumn: number };
}

function handler(route: string): string {
  return [
    `app.get('/${route}', async (req, res) => {`,
    "  const sql = `SELECT * FROM users WHERE name = '${req.query.name}'`;",
    '  res.json(await db.query(sql));',
    '});',
    '',
  ].join('\n');
}

function scanJson(dir: string, extra: string[] = []): JsonFinding[] {
  const run = bulwark(dir, ['scan', '.', '--scanners', 'code', '--format', 'json', ...extra]);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

function lines(findings: JsonFinding[]): string[] {
  return findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`);
}

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.remove());

describe('bulwark scan --scanners code: identical problems in one file', () => {
  it('reports each of three identical handlers, each with its own fingerprint', () => {
    repo.write('server.js', handler('a') + handler('b') + handler('c'));
    const findings = scanJson(repo.dir);
    expect(lines(findings)).toEqual([
      'server.js:3 code/js/sql-injection',
      'server.js:7 code/js/sql-injection',
      'server.js:11 code/js/sql-injection',
    ]);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('reports a second identical handler added after the first was baselined', () => {
    repo.write('server.js', handler('a'));
    const written = bulwark(repo.dir, ['baseline', '.']);
    expect(written.stdout).toContain('wrote 1 finding to');
    expect(scanJson(repo.dir)).toEqual([]);

    repo.write('server.js', handler('a') + handler('b'));
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(lines((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings)).toEqual([
      'server.js:7 code/js/sql-injection',
    ]);
  });

  it('editing one of three identical problems, one suppressed inline, reports only the edited one', () => {
    const exec = (comment = ''): string => `  exec('ping ' + req.query.h);${comment}`;
    const write = (first: string): void =>
      repo.write(
        'ping.js',
        [
          "app.get('/p', (req, res) => {",
          first,
          exec(' // bulwark-ignore code/js/command-injection: fixed host list upstream'),
          exec(),
          '});',
          '',
        ].join('\n'),
      );
    write(exec());
    expect(bulwark(repo.dir, ['baseline', '.']).stdout).toContain('wrote 2 findings');

    write("  exec('ping -c1 ' + req.query.h);");
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    const body = JSON.parse(run.stdout) as {
      findings: JsonFinding[];
      summary: {
        staleBaselineEntries: number;
        suppressed: { inline: number; baseline: number; outsideChange: number };
      };
    };
    expect(lines(body.findings)).toEqual(['ping.js:2 code/js/command-injection']);
    expect(body.summary.suppressed).toEqual({ inline: 1, baseline: 1, outsideChange: 0 });
    expect(body.summary.staleBaselineEntries).toBe(1);
  });

  it('keeps every fingerprint when unrelated lines are added above', () => {
    repo.write('server.js', handler('a') + handler('b'));
    const before = scanJson(repo.dir).map((f) => f.fingerprint);
    repo.write(
      'server.js',
      `const express = require('express');\n\n${handler('a')}${handler('b')}`,
    );
    const after = scanJson(repo.dir);
    expect(lines(after)).toEqual([
      'server.js:5 code/js/sql-injection',
      'server.js:9 code/js/sql-injection',
    ]);
    expect(after.map((f) => f.fingerprint)).toEqual(before);
  });
});

describe('bulwark scan: a configuration path that is a directory', () => {
  it('exits 2 naming the directory instead of crashing', () => {
    repo.write('server.js', 'eval(req.query.a);\n');
    repo.write('conf/bulwark.yaml', 'version: 1\n');
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '-c', 'conf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--config: ${repo.dir}/conf is a directory`);
    expect(run.stderr).toContain(
      `hint: name the file itself, for example --config ${repo.dir}/conf/bulwark.yaml`,
    );
    expect(run.stderr).not.toContain('internal error');
  });

  it('exits 2 when the bulwark.yaml found in the folder is a directory', () => {
    repo.write('server.js', 'eval(req.query.a);\n');
    repo.write('bulwark.yaml/keep', '');
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `${repo.dir}/bulwark.yaml: cannot read the configuration file (EISDIR)`,
    );
  });
});

describe('bulwark scan --scanners code -v: skipped files', () => {
  it('scans a hand-written file with one long literal and says why each skipped file is skipped', () => {
    const dataUri = `const LOGO = "data:image/png;base64,${'QUJD'.repeat(275)}";`;
    repo.write('server.js', `${dataUri}\nexec(\`ping -c 1 \${req.query.host}\`);\n`);
    repo.write('dist/app.js', 'var a=1;function f(b){return eval(b)}'.repeat(40));
    repo.write('vendor/lib.min.js', 'eval(req.query.a);\n');
    repo.write('blob.js', Buffer.from([0x65, 0x76, 0x61, 0x6c, 0, 1, 2]));
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json', '-v']);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(lines(findings)).toEqual(['server.js:2 code/js/command-injection']);
    const skipped = run.stderr.split('\n').filter((line) => line.includes('skipped'));
    expect(skipped.sort()).toEqual([
      'bulwark info: skipped: binary file (a NUL byte in its first 8000 bytes) path=blob.js',
      'bulwark info: skipped: it looks minified: lines of over 1000 characters of code, the first at line 1, hold 100% of its text path=dist/app.js',
      'bulwark info: skipped: its name ends in .min.js, which marks built or generated files path=vendor/lib.min.js',
    ]);
  });
});

describe('bulwark scan --scanners code: a byte-order mark', () => {
  it('does not shift the columns of the first line', () => {
    repo.write(
      'bom.js',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('eval(req.query.x);\n')]),
    );
    const findings = scanJson(repo.dir);
    expect(
      findings.map(
        (f) => `${f.location.path}:${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`,
      ),
    ).toEqual(['bom.js:1:1 code/js/eval-injection']);
  });
});

describe('bulwark scan --scanners code: inline suppressions', () => {
  it('counts the marker only in a comment, honours several ids and warns about unknown ones', () => {
    repo.write(
      'app.js',
      [
        'const s = "bulwark-ignore"; eval(req.query.a);',
        'eval(req.query.b); // bulwark-ignore code/js/eval-injection, code/js/other: reviewed',
        'eval(req.query.c); // bulwark-ignore code/js/does-not-exist',
        '// bulwark-ignore eval-injection',
        'eval(req.query.d);',
        '',
      ].join('\n'),
    );
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(lines(findings)).toEqual([
      'app.js:1 code/js/eval-injection',
      'app.js:3 code/js/eval-injection',
      'app.js:5 code/js/eval-injection',
    ]);
    expect(run.stderr.split('\n').filter((line) => line.includes('bulwark-ignore'))).toEqual([
      'bulwark warn: app.js:3: bulwark-ignore names code/js/does-not-exist, which is not a rule reported in this scan, so it suppresses nothing; the finding here is code/js/eval-injection',
      'bulwark warn: app.js:4: bulwark-ignore names eval-injection, which is not a rule reported in this scan, so it suppresses nothing; the finding here is code/js/eval-injection; write the full id code/js/eval-injection',
    ]);
  });
});

describe('bulwark scan --scanners code: settings that would do nothing', () => {
  it('runs a scanner named by --scanners even when bulwark.yaml disables it, and says so with -v', () => {
    repo.write('server.js', 'eval(req.query.a);\n');
    repo.write('bulwark.yaml', 'version: 1\nscanners:\n  code:\n    enabled: false\n');
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json', '-v']);
    expect(run.status).toBe(1);
    expect(lines((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings)).toEqual([
      'server.js:1 code/js/eval-injection',
    ]);
    expect(run.stderr).toContain(
      'bulwark info: scanners.code.enabled is false in bulwark.yaml; running code as --scanners asks\n',
    );
  });

  it('warns about unknown rule ids in disable and severity, naming the nearest', () => {
    repo.write('server.js', 'eval(req.query.a);\n');
    repo.write(
      'bulwark.yaml',
      [
        'version: 1',
        'severity:',
        '  code/js/eval-injecton: low',
        '  secrets/github-pat: low',
        'scanners:',
        '  code:',
        '    disable: [code/js/eval-injectoin, command-injection, code/js/zzzzzzzzzzzzzzzzzzzz]',
        '',
      ].join('\n'),
    );
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--format', 'json']);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('bulwark warn'))).toEqual([
      'bulwark warn: scanners.code.disable: code/js/eval-injectoin is not a code rule id, so the setting does nothing; did you mean code/js/eval-injection?',
      'bulwark warn: scanners.code.disable: command-injection is not a code rule id, so the setting does nothing; did you mean code/js/command-injection or code/python/command-injection or code/java/command-injection or code/ruby/command-injection or code/php/command-injection?',
      'bulwark warn: scanners.code.disable: code/js/zzzzzzzzzzzzzzzzzzzz is not a code rule id, so the setting does nothing; `bulwark rules list` shows the ids',
      'bulwark warn: severity: code/js/eval-injecton is not a code rule id, so the setting does nothing; did you mean code/js/eval-injection?',
    ]);
  });

  it('names every accepted --fail-on value', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'code', '--fail-on', 'severe']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'bulwark: --fail-on: unknown severity severe\n  hint: use critical, high, medium, low, info\n',
    );
  });
});
