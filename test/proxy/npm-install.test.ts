import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { npmProject, run, startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const installed = (dir: string, name: string): string =>
  (
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

describe('npm install through the proxy', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      { name: 'fixture-good', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-good', version: '1.1.0', ageDays: 0 },
      { name: '@fixture/scoped', version: '2.0.0', ageDays: 10 },
      {
        name: 'fixture-scripted',
        version: '1.0.0',
        ageDays: 10,
        scripts: { postinstall: 'node -e 0' },
      },
      { name: 'fixture-tampered', version: '1.0.0', ageDays: 10, tamper: true },
    ]);
    proxy = await startTestProxy(upstream.url);
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('installs allowed versions, skips too-new ones and fetches each tarball once', async () => {
    const deps = {
      'fixture-good': '^1.0.0',
      '@fixture/scoped': '^2.0.0',
      'fixture-scripted': '1.0.0',
    };
    const first = npmProject(deps);
    const second = npmProject(deps);

    const a = await run('npm', ['install', ...first.npmArgs(proxy.url)], first.dir);
    const b = await run('npm', ['install', ...second.npmArgs(proxy.url)], second.dir);

    expect(a.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const dir of [first.dir, second.dir]) {
      expect(installed(dir, 'fixture-good')).toBe('1.0.0');
      expect(installed(dir, '@fixture/scoped')).toBe('2.0.0');
      expect(installed(dir, 'fixture-scripted')).toBe('1.0.0');
    }
    const tarballFetches = upstream.requests.filter((p) => p.endsWith('.tgz')).sort();
    expect(tarballFetches).toEqual([
      '/@fixture/scoped/-/scoped-2.0.0.tgz',
      '/fixture-good/-/fixture-good-1.0.0.tgz',
      '/fixture-scripted/-/fixture-scripted-1.0.0.tgz',
    ]);
    const lock = readFileSync(join(first.dir, 'package-lock.json'), 'utf8');
    expect(lock).toContain(`${proxy.url}/@fixture/scoped/-/scoped-2.0.0.tgz`);
    first.remove();
    second.remove();
  });

  it('logs the blocked, warned and allowed decisions', async () => {
    const res = await fetch(`${proxy.url}/-/bulwark/decisions?since=1h`);
    const body = (await res.json()) as { decisions: Array<Record<string, string>> };
    const summary = new Set(
      body.decisions.map((d) => `${d.decision} ${d.package}@${d.version} ${d.rule ?? '-'}`),
    );
    expect([...summary].sort()).toEqual([
      'allowed @fixture/scoped@2.0.0 -',
      'allowed fixture-good@1.0.0 -',
      'blocked fixture-good@1.1.0 minimumAge',
      'warned fixture-scripted@1.0.0 installScripts',
    ]);
    expect(body.decisions.every((d) => d.client.startsWith('127.0.0.1 npm/'))).toBe(true);
  });

  it('refuses a tarball that does not match its integrity and says why', async () => {
    const project = npmProject({ 'fixture-tampered': '1.0.0' });

    const result = await run('npm', ['install', ...project.npmArgs(proxy.url)], project.dir);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('502');
    const direct = await fetch(`${proxy.url}/fixture-tampered/-/fixture-tampered-1.0.0.tgz`);
    expect(direct.status).toBe(502);
    expect(((await direct.json()) as { error: string }).error).toMatch(
      /^Bulwark refused fixture-tampered@1.0.0: integrity mismatch/,
    );
    project.remove();
  });
});
