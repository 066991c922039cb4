import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sharedAdvisories } from './helpers/advisories.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { npmProject, run, startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const installed = (dir: string, name: string): string =>
  (
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

const abbreviated = { accept: 'application/vnd.npm.install-v1+json' };

describe('npm policy through the proxy, with the shared advisories', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;
  let advisories: ReturnType<typeof sharedAdvisories>;

  beforeAll(async () => {
    advisories = sharedAdvisories(['npm-ghsa', 'npm-malicious']);
    upstream = await startNpmUpstream([
      { name: 'lodash', version: '4.17.15', ageDays: 2000 },
      { name: 'lodash', version: '4.17.21', ageDays: 1500 },
      { name: 'debug', version: '4.4.1', ageDays: 200 },
      { name: 'debug', version: '4.4.2', ageDays: 100 },
      { name: 'fixture-fresh', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-fresh', version: '1.1.0', ageDays: 1 },
      { name: 'fixture-fresh', version: '2.0.0-beta.1', ageDays: 1 },
      { name: 'fixture-majors', version: '2.0.0', ageDays: 200 },
      { name: 'fixture-majors', version: '1.1.0', ageDays: 1 },
      { name: 'fixture-old', version: '0.9.0', ageDays: 300, deprecated: 'use fixture-fresh' },
      { name: 'lodahs', version: '1.0.0', ageDays: 300 },
      { name: 'fixture-native', version: '1.0.0', ageDays: 30, files: { 'binding.gyp': '{}' } },
      { name: 'fixture-gpl', version: '1.0.0', ageDays: 30, license: 'GPL-3.0-only AND MIT' },
      { name: 'fixture-dual', version: '1.0.0', ageDays: 30, license: '(MIT OR GPL-3.0-only)' },
    ]);
    proxy = await startTestProxy(
      upstream.url,
      {
        rules: {
          installScripts: { mode: 'block' },
          licenses: { mode: 'block', deny: ['GPL-3.0-only'] },
        },
      },
      { advisories: advisories.source },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    advisories.close();
  });

  it('resolves ranges to allowed versions only', async () => {
    const deps = {
      lodash: '^4.17.0',
      debug: '^4.4.0',
      'fixture-fresh': '^1.0.0',
      'fixture-old': '*',
      'fixture-dual': '1.0.0',
    };
    const project = npmProject(deps);

    const result = await run('npm', ['install', ...project.npmArgs(proxy.url)], project.dir);

    expect(result.code).toBe(0);
    expect(Object.keys(deps).map((name) => `${name}@${installed(project.dir, name)}`)).toEqual([
      'lodash@4.17.21',
      'debug@4.4.1',
      'fixture-fresh@1.0.0',
      'fixture-old@0.9.0',
      'fixture-dual@1.0.0',
    ]);
    project.remove();
  });

  it('removes blocked versions from packuments and moves dist-tags', async () => {
    const cases: Array<[string, string[], Record<string, string>]> = [
      ['lodash', ['4.17.21'], { latest: '4.17.21' }],
      ['debug', ['4.4.1'], { latest: '4.4.1' }],
      ['fixture-fresh', ['1.0.0'], { latest: '1.0.0' }],
      // latest was 1.1.0, too young; it must not jump up to the next major.
      ['fixture-majors', ['2.0.0'], {}],
    ];
    for (const [name, versions, tags] of cases) {
      const res = await fetch(`${proxy.url}/${name}`, { headers: abbreviated });
      const doc = (await res.json()) as {
        versions: Record<string, unknown>;
        'dist-tags': Record<string, string>;
      };
      expect([name, Object.keys(doc.versions), doc['dist-tags']]).toEqual([name, versions, tags]);
    }
  });

  it('answers 403 with the package, version, rule and advisory for a blocked tarball', async () => {
    const res = await fetch(`${proxy.url}/lodash/-/lodash-4.17.15.tgz`);
    const body = (await res.json()) as Record<string, unknown>;

    expect(res.status).toBe(403);
    expect([body.package, body.version, body.rule, body.advisory]).toEqual([
      'lodash',
      '4.17.15',
      'vulnerabilities',
      'GHSA-35jh-r3h4-6jhm',
    ]);
    expect(body.error).toMatch(
      /^Bulwark blocked lodash@4.17.15: vulnerabilities: high vulnerability GHSA-35jh-r3h4-6jhm: /,
    );
  });

  it('makes npm print the reason when a lockfile pins a blocked version', async () => {
    const project = npmProject({ lodash: '4.17.15' });
    const lodash = (await (await fetch(`${upstream.url}/lodash`)).json()) as {
      versions: Record<string, { dist: { integrity: string } }>;
    };
    writeFileSync(
      join(project.dir, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { lodash: '4.17.15' } },
          'node_modules/lodash': {
            version: '4.17.15',
            resolved: `${proxy.url}/lodash/-/lodash-4.17.15.tgz`,
            integrity: lodash.versions['4.17.15'].dist.integrity,
          },
        },
      }),
    );

    const result = await run('npm', ['ci', ...project.npmArgs(proxy.url)], project.dir);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('403 Forbidden - GET');
    expect(result.stderr).toContain(
      'Bulwark blocked lodash@4.17.15: vulnerabilities: high vulnerability GHSA-35jh-r3h4-6jhm',
    );
    project.remove();
  });

  it('refuses a likely typosquat outright, and npm prints why', async () => {
    const project = npmProject({ lodahs: '1.0.0' });

    const result = await run('npm', ['install', ...project.npmArgs(proxy.url)], project.dir);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'Bulwark blocked lodahs@1.0.0: typosquats: likely typosquat: the name is close to lodash',
    );
    project.remove();
  });

  it('blocks install scripts found only in the tarball (a binding.gyp)', async () => {
    const res = await fetch(`${proxy.url}/fixture-native/-/fixture-native-1.0.0.tgz`);
    const body = (await res.json()) as Record<string, unknown>;

    expect([res.status, body.rule, body.error]).toEqual([
      403,
      'installScripts',
      'Bulwark blocked fixture-native@1.0.0: installScripts: runs install scripts: binding.gyp',
    ]);
  });

  it('blocks by licence expression: an AND with a denied id, not an OR with an allowed one', async () => {
    const gpl = await fetch(`${proxy.url}/fixture-gpl`);
    const dual = await fetch(`${proxy.url}/fixture-dual`);

    expect([gpl.status, dual.status]).toEqual([403, 200]);
    expect(((await gpl.json()) as { error: string }).error).toBe(
      'Bulwark blocked fixture-gpl@1.0.0: licenses: licence GPL-3.0-only AND MIT not allowed (GPL-3.0-only)',
    );
  });

  it('logs every block and warning with its rule and advisory', async () => {
    const res = await fetch(`${proxy.url}/-/bulwark/decisions?since=1h`);
    const rows = ((await res.json()) as { decisions: Array<Record<string, string>> }).decisions;
    const seen = new Set(
      rows
        .filter((r) => r.decision !== 'allowed')
        .map((r) => `${r.decision} ${r.package}@${r.version} ${r.rule} ${r.advisory ?? '-'}`),
    );

    for (const expected of [
      'blocked lodash@4.17.15 vulnerabilities GHSA-35jh-r3h4-6jhm',
      'blocked lodash@4.17.15 vulnerabilities GHSA-p6mc-m468-83gw',
      'blocked debug@4.4.2 malicious MAL-2025-46974',
      'blocked fixture-fresh@1.1.0 minimumAge -',
      'blocked fixture-fresh@2.0.0-beta.1 minimumAge -',
      'blocked lodahs@1.0.0 typosquats -',
      'blocked fixture-native@1.0.0 installScripts -',
      'warned fixture-old@0.9.0 deprecated -',
      'blocked fixture-gpl@1.0.0 licenses -',
    ]) {
      expect(seen).toContain(expected);
    }
    expect(seen).not.toContain('blocked lodash@4.17.15 vulnerabilities GHSA-29mw-wpgm-hmr9');
  });
});
