import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('exits 2 with the way to create it when the database is missing', () => {
    const run = bulwark(['db', 'status', '--db', join(dir, 'none.db')]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no advisory database at');
    expect(run.stderr).toContain('bulwark db import <dir|zip>');
  });
});
