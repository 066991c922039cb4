import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/shared.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, run, startTestProxy, tempDir } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name);

/** A project and a home directory of its own, so no client reads the user's settings. */
function project(dependencies: Record<string, string>) {
  const root = tempDir('client');
  const dir = join(root.path, 'app');
  const home = join(root.path, 'home');
  mkdirSync(dir, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, dependencies }),
  );
  const env = cleanEnv({
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
  });
  const version = (name: string): string =>
    (
      JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return { dir, home, env, version, remove: root.remove };
}

const clients: Array<[string, (registry: string, home: string) => [string, string[]]]> = [
  [
    'pnpm',
    (registry, home) => [
      bin('pnpm'),
      [
        'install',
        `--registry=${registry}/`,
        `--store-dir=${join(home, 'store')}`,
        `--cache-dir=${join(home, 'pnpm-cache')}`,
        '--ignore-scripts',
        '--reporter=append-only',
        '--config.minimum-release-age=0',
      ],
    ],
  ],
  [
    'yarn',
    (registry, home) => [
      bin('yarn'),
      [
        'install',
        '--registry',
        `${registry}/`,
        '--cache-folder',
        join(home, 'yarn-cache'),
        '--ignore-scripts',
        '--non-interactive',
        '--no-progress',
      ],
    ],
  ],
  [
    'bun',
    (registry, home) => [
      bin('bun'),
      [
        'install',
        '--registry',
        `${registry}/`,
        '--cache-dir',
        join(home, 'bun-cache'),
        '--ignore-scripts',
        '--no-progress',
      ],
    ],
  ],
];

describe('other package clients through the proxy', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      { name: 'fixture-good', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-good', version: '1.1.0', ageDays: 0 },
      {
        name: '@fixture/scoped',
        version: '2.0.0',
        ageDays: 10,
        dependencies: { 'fixture-good': '^1.0.0' },
      },
      { name: 'lodahs', version: '1.0.0', ageDays: 300 },
    ]);
    proxy = await startTestProxy(upstream.url);
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it.each(clients)('%s installs allowed versions only', async (_, command) => {
    const app = project({ '@fixture/scoped': '^2.0.0', 'fixture-good': '^1.0.0' });
    const [exe, args] = command(proxy.url, app.home);

    const result = await run(exe, args, app.dir, app.env);

    expect(result.stderr + result.stdout).not.toContain('rror');
    expect(result.code).toBe(0);
    expect([app.version('@fixture/scoped'), app.version('fixture-good')]).toEqual([
      '2.0.0',
      '1.0.0',
    ]);
    app.remove();
  });

  // What each client prints for a 403: pnpm and bun show the status only, yarn shows the reason.
  const printed: Record<string, (url: string) => string> = {
    pnpm: (url) => `GET ${url}/lodahs: Forbidden - 403`,
    yarn: (url) =>
      `${url}/lodahs: Bulwark blocked lodahs@1.0.0: typosquats: likely typosquat: the name is close to lodash`,
    bun: (url) => `error: GET ${url}/lodahs - 403`,
  };

  it.each(clients)('%s fails on a blocked package and shows the 403', async (name, command) => {
    const app = project({ lodahs: '1.0.0' });
    const [exe, args] = command(proxy.url, app.home);

    const result = await run(exe, args, app.dir, app.env);

    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain(printed[name](proxy.url));
    app.remove();
  });
});
