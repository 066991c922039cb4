import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot, shared } from '../helpers/shared.js';

/** Run `bulwark <args>` from the TypeScript sources in a child process. */
function bulwark(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'main.ts'), ...args],
    { encoding: 'utf8', env: { ...process.env, ...env }, cwd: repoRoot },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bulwark db', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-db-cli-'));
    dbPath = join(dir, 'cache', 'bulwark', 'advisories.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports into $XDG_CACHE_HOME/bulwark/advisories.db and reports counts per ecosystem', () => {
    const run = bulwark(
      ['db', 'import', shared('advisories', 'npm-malicious'), shared('advisories', 'npm-ghsa')],
      {
        XDG_CACHE_HOME: join(dir, 'cache'),
        BULWARK_DB: '',
      },
    );

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      `imported 97 advisories from 98 files into ${dbPath}`,
      '  Maven: 2',
      '  npm: 97',
      '  NuGet: 4',
      '  RubyGems: 1',
      '  withdrawn (skipped): 1',
    ]);
  });

  it('shows the status as JSON', () => {
    const run = bulwark(['db', 'status', '--json', '--db', dbPath]);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      path: dbPath,
      advisories: 97,
      perEcosystem: { npm: 97, Maven: 2, NuGet: 4, RubyGems: 1 },
      ageDays: 0,
    });
  });

  it('exits 2 on a malformed advisory, naming file and line, and keeps the database', () => {
    const before = readFileSync(dbPath);
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'GHSA-bad.json'), '{\n  "id": "GHSA-bad",\n  "affected": [1, }\n}\n');

    const run = bulwark(['db', 'import', bad, '--db', dbPath]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(bad, 'GHSA-bad.json')}:3: malformed JSON advisory`);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('prints nothing with --quiet when the import goes well', () => {
    const quietDb = join(dir, 'quiet.db');

    const run = bulwark([
      'db',
      'import',
      shared('advisories', 'npm-malicious'),
      '-q',
      '--db',
      quietDb,
    ]);
    const status = bulwark(['db', 'status', '--db', quietDb, '--json']);

    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect((JSON.parse(status.stdout) as { advisories: number }).advisories).toBe(15);
  });

  it('exits 2 with the way to create it when the database is missing', () => {
    const run = bulwark(['db', 'status', '--db', join(dir, 'none.db')]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no advisory database at');
    expect(run.stderr).toContain('bulwark db import <dir|zip>');
  });

  it.each([
    ['import into a text file', 'import', 'notes.txt'],
    ['status of a text file', 'status', 'notes.txt'],
  ])('%s: exit 2 with a plain message, the file untouched', (_name, command, file) => {
    const path = join(dir, file);
    writeFileSync(path, 'my notes\n');
    const args =
      command === 'import'
        ? ['db', 'import', shared('advisories', 'npm-malicious'), '--db', path]
        : ['db', 'status', '--db', path];

    const run = bulwark(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      command === 'import'
        ? `bulwark: ${path} is not a Bulwark advisory database; refusing to overwrite it\n  hint: pass --db (or BULWARK_DB) a new file name or an existing Bulwark advisory database\n`
        : `bulwark: ${path} is not a Bulwark advisory database\n  hint: create it with \`bulwark db import <dir|zip>\` (OSV files) or \`bulwark db update\` (download)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe('my notes\n');
  });

  it('exit 2 for a database path it cannot write, without a stack trace', () => {
    const run = bulwark([
      'db',
      'import',
      shared('advisories', 'npm-malicious'),
      '--db',
      '/proc/bulwark.db',
    ]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'bulwark: cannot write /proc/bulwark.db: unable to open it\n  hint: choose a writable location with --db (or BULWARK_DB); the existing database was kept\n',
    );
  });

  it('exit 2 for an update with no ecosystem named', () => {
    const run = bulwark(['db', 'update', '--ecosystems', '', '--db', dbPath]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'bulwark: --ecosystems: no ecosystem named\n  hint: use some of npm, PyPI, Go, crates.io, RubyGems, Packagist, Maven, NuGet, Pub, Hex\n',
    );
  });

  it('prints dropped Debian and Alpine entries in the normal summary', () => {
    const folder = join(dir, 'distro');
    mkdirSync(folder);
    const affected = (ecosystem: string) => ({
      package: { ecosystem, name: 'openssl' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1' }] }],
    });
    writeFileSync(
      join(folder, 'GHSA-dist-0000-0000.json'),
      JSON.stringify({
        id: 'GHSA-dist-0000-0000',
        modified: '2024-01-01T00:00:00Z',
        affected: [
          affected('Debian:12'),
          affected('Alpine:v3.19'),
          affected('Alpine:v3.20'),
          { package: { ecosystem: 'npm', name: 'left-pad' }, versions: ['1.0.0'] },
        ],
      }),
    );

    const run = bulwark(['db', 'import', folder, '--db', join(dir, 'distro.db')]);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe(
      '  entries dropped (ecosystems Bulwark cannot order): Alpine 2, Debian 1',
    );
  });

  it('shows each ecosystem with its own date and source, and an unknown age for a future date', () => {
    const path = join(dir, 'status.db');
    expect(
      bulwark(['db', 'import', shared('advisories', 'npm-malicious'), '--db', path]).code,
    ).toBe(0);
    const db = new Database(path);
    db.exec("UPDATE meta SET value = '2999-01-01T00:00:00.000Z' WHERE key LIKE 'imported_at%'");
    db.close();

    const run = bulwark(['db', 'status', '--db', path]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `database: ${path}`,
        'advisories: 15',
        `  npm: 15 (2999-01-01T00:00:00.000Z, from ${shared('advisories', 'npm-malicious')})`,
        'imported: 2999-01-01T00:00:00.000Z (age unknown: the import date 2999-01-01T00:00:00.000Z lies in the future)',
        `source: ${shared('advisories', 'npm-malicious')}`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(
      'advisory database age unknown: the import date 2999-01-01T00:00:00.000Z lies in the future',
    );
  });

  it('exit 2 for a --timeout that is not a number of seconds', () => {
    const run = bulwark(['db', 'update', '--timeout', 'soon', '--db', dbPath]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'bulwark: --timeout: soon is not a number of seconds\n  hint: use for example --timeout 120\n',
    );
  });

  it('warns when the database it shows holds no advisory', () => {
    const path = join(dir, 'emptied.db');
    expect(
      bulwark(['db', 'import', shared('advisories', 'npm-malicious'), '--db', path]).code,
    ).toBe(0);
    const db = new Database(path);
    db.exec('DELETE FROM affected; DELETE FROM advisories;');
    db.close();

    const run = bulwark(['db', 'status', '--db', path]);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([`database: ${path}`, 'advisories: 0']);
    expect(run.stderr).toContain(
      'advisory database holds no advisories: create it with `bulwark db import <dir|zip>`',
    );
  });
});
