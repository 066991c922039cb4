import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { importAdvisories, readSource } from '../../../src/advisories/index.js';
import { depsConfigSchema } from '../../../src/scanners/deps/config.js';
import { shared } from '../../helpers/shared.js';
import { runDeps, summary } from './harness.js';

let dir: string;
let dbPath: string;

/** package-lock.json v3 with lodash 4.17.20 (GHSA-35jh-r3h4-6jhm, alias CVE-2021-23337). */
const LOCK = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { lodash: '4.17.20' } },
    'node_modules/lodash': { version: '4.17.20' },
  },
});

const CORRUPT = '{\n  "lockfileVersion": 3,\n  "packages": {"a": "b\n}';

function project(name: string, files: Record<string, string | Buffer>): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, body] of Object.entries(files)) writeFileSync(join(folder, file), body);
  return folder;
}

/** A copy of the test database with one statement run on it, as a damaged file would be. */
function alteredDb(name: string, sql: string): string {
  const path = join(dir, name);
  importAdvisories({
    dbPath: path,
    files: readSource(shared('advisories', 'npm-ghsa')),
    source: 't',
  });
  const db = new Database(path);
  db.exec(sql);
  db.close();
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-deps-problems-'));
  dbPath = join(dir, 'advisories.db');
  importAdvisories({ dbPath, files: readSource(shared('advisories', 'npm-ghsa')), source: 't' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('deps scanner input problems', () => {
  it('reports a binary package-lock.json instead of passing it as clean', async () => {
    const bytes = Buffer.from([0x7b, 0x00, 0xff, 0x13, 0x00, 0x42, 0x9c]);
    const folder = project('binary', { 'package-lock.json': bytes });

    const { findings, problems, logs } = await runDeps(folder, ['package-lock.json'], dbPath);

    expect(findings).toEqual([]);
    expect(logs).toEqual([
      'warn: lockfile not checked: package-lock.json is binary, not a lockfile: regenerate it with your package manager',
    ]);
    expect(problems).toEqual([
      {
        path: 'package-lock.json',
        message:
          'package-lock.json is binary, not a lockfile: regenerate it with your package manager',
      },
    ]);
  });

  it('reports a requirements include that is missing, so its pins are not silently skipped', async () => {
    const folder = project('include', { 'requirements.txt': 'django==1.0\n-r extra.txt\n' });

    const { problems } = await runDeps(folder, ['requirements.txt'], dbPath);

    expect(problems.map((p) => [p.path, p.line])).toEqual([['requirements.txt', 2]]);
    expect(problems[0].message).toMatch(
      /^requirements\.txt: the included file extra\.txt was not found, so its pins are not checked; ./,
    );
  });

  it('reports a corrupt lockfile even when there is no database', async () => {
    const folder = project('corrupt-nodb', { 'package-lock.json': CORRUPT });
    vi.stubEnv('BULWARK_DB', '');
    vi.stubEnv('XDG_CACHE_HOME', join(dir, 'empty-cache'));

    const { problems, logs } = await runDeps(folder, ['package-lock.json'], undefined);

    expect(problems.map((p) => `${p.path}:${p.line}`)).toEqual(['package-lock.json:3']);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(
      /^warn: package-lock\.json:3: lockfile not checked: package-lock\.json is not valid JSON: a string holds a raw control character; ./,
    );
    expect(logs[1]).toMatch(
      /^warn: no advisory database at .*empty-cache\/bulwark\/advisories\.db/,
    );
  });

  it('only warns when the default database is missing (a fresh machine)', async () => {
    const folder = project('default-missing', { 'package-lock.json': LOCK });
    vi.stubEnv('BULWARK_DB', '');
    vi.stubEnv('XDG_CACHE_HOME', join(dir, 'empty-cache'));

    const { problems, findings } = await runDeps(folder, ['package-lock.json'], undefined);

    expect(problems).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('reports a missing database named by BULWARK_DB', async () => {
    const folder = project('env-missing', { 'package-lock.json': LOCK });
    const missing = join(dir, 'env-missing.db');
    vi.stubEnv('BULWARK_DB', missing);

    const { problems } = await runDeps(folder, ['package-lock.json'], undefined);

    expect(problems).toEqual([{ path: missing, message: `no advisory database at ${missing}` }]);
  });

  it('treats an empty database like a missing one: a warning, and a problem when named', async () => {
    const empty = alteredDb('empty.db', 'DELETE FROM affected; DELETE FROM advisories;');
    const folder = project('empty-db', { 'package-lock.json': LOCK });

    const { problems, logs, findings } = await runDeps(folder, ['package-lock.json'], empty);

    expect(findings).toEqual([]);
    expect(logs).toEqual([
      `warn: advisory database ${empty} holds no advisories, dependencies not checked: create it with \`bulwark db import <dir|zip>\` (OSV files) or \`bulwark db update\` (download)`,
    ]);
    expect(problems).toEqual([
      { path: empty, message: `advisory database ${empty} holds no advisories` },
    ]);
  });

  it.each([
    [
      'in the future',
      '2999-01-01T00:00:00.000Z',
      'the import date 2999-01-01T00:00:00.000Z lies in the future',
    ],
    ['not a date', 'yesterday', 'the import date "yesterday" is not a date'],
  ])('warns that the age is unknown when the import date is %s', async (_name, value, why) => {
    const odd = alteredDb(
      `age-${value}.db`,
      `UPDATE meta SET value = '${value}' WHERE key = 'imported_at'`,
    );
    const folder = project(`age-${value}`, { 'package-lock.json': LOCK });

    const { logs, findings } = await runDeps(folder, ['package-lock.json'], odd);

    expect(logs).toEqual([
      `warn: advisory database age unknown: ${why}; refresh it with \`bulwark db update\``,
    ]);
    expect(findings).toHaveLength(1);
  });

  it.each([
    ['the GHSA id in lower case', 'ghsa-35jh-r3h4-6jhm'],
    ['the CVE alias', 'CVE-2021-23337'],
    ['the CVE alias in lower case', 'cve-2021-23337'],
  ])('ignores an advisory by %s', async (_name, id) => {
    const folder = project(`ignore-${id}`, { 'package-lock.json': LOCK });

    const { findings, logs } = await runDeps(folder, ['package-lock.json'], dbPath, (c) => {
      c.scanners.deps.ignore = [{ id, reason: 'template() is never called' }];
    });

    expect(summary(findings)).toEqual(['lodash@4.17.20: GHSA-29mw-wpgm-hmr9']);
    expect(logs).toEqual([]);
  });
});

describe('deps ignore expiry dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-12-31', true],
    ['2026-13-45', false],
    ['2026-02-30', false],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
  ])('%s valid: %s', (expires, valid) => {
    const result = depsConfigSchema.safeParse({ ignore: [{ id: 'GHSA-x', reason: 'r', expires }] });

    expect(result.success).toBe(valid);
    if (!valid) {
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'not a calendar date: the month is 01-12 and the day exists',
      ]);
    }
  });
});
