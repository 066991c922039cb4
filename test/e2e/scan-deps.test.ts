import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { shared } from '../helpers/shared.js';

// lodash 4.17.15 is affected by real GHSA advisories in ../shared/advisories/npm-ghsa.
const LOCK = `${JSON.stringify(
  {
    name: 'shop',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'shop', dependencies: { lodash: '4.17.15' } },
      'node_modules/lodash': { version: '4.17.15' },
    },
  },
  null,
  2,
)}\n`;

let cache: string;
let env: NodeJS.ProcessEnv;
let repo: TempRepo;

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'bulwark-db-'));
  env = { XDG_CACHE_HOME: cache };
  repo = tempRepo();
  const imported = bulwark(repo.dir, ['db', 'import', shared('advisories', 'npm-ghsa')], env);
  expect(imported.status).toBe(0);
});
afterAll(() => {
  repo.remove();
  rmSync(cache, { recursive: true, force: true });
});

describe('bulwark scan (dependencies, end to end)', () => {
  it('reports a vulnerable locked package at its lockfile line with the upgrade to make', () => {
    repo.write('package-lock.json', LOCK);
    repo.commit('lock');

    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'deps', '--format', 'json'], env);
    const body = JSON.parse(run.stdout) as {
      findings: Array<{
        ruleId: string;
        location: { path: string; startLine: number };
        properties: Record<string, unknown>;
      }>;
    };

    expect(run.status).toBe(1);
    expect(body.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([
      ['deps/GHSA-p6mc-m468-83gw', 'package-lock.json', 12],
    ]);
    const properties = body.findings[0]?.properties ?? {};
    expect((properties.advisories as Array<{ id: string }>).map((a) => a.id)).toEqual([
      'GHSA-p6mc-m468-83gw',
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-29mw-wpgm-hmr9',
    ]);
    expect(properties.fixedVersions).toEqual(['4.17.20', '4.17.21']);
    expect(properties.upgradeTo).toBe('4.17.21');
  });

  it('goes on past a corrupt lockfile, names it with its line, and exits 2', () => {
    repo.write('web/package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": {\n');
    repo.write('package-lock.json', LOCK);

    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'deps'], env);

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/web\/package-lock\.json:\d+(:\d+)?: lockfile not checked: /);
    expect(run.stdout).toMatch(/not scanned: web\/package-lock\.json:\d+: /);
    expect(run.stdout).toContain('lodash');
  });
});
