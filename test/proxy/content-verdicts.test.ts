import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('blocks decided from file contents survive a metadata refresh', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;
  let clock = Date.now();

  beforeAll(async () => {
    npm = await startNpmUpstream([
      { name: 'fixture-native', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-native', version: '1.1.0', ageDays: 20, files: { 'binding.gyp': '{}' } },
    ]);
    pypi = await startPypiUpstream([
      { project: 'fixture-py-mixed', version: '1.0', ageDays: 100 },
      { project: 'fixture-py-mixed', version: '1.1', ageDays: 50, license: 'GPL-3.0-only' },
    ]);
    proxy = await startTestProxy(
      npm.url,
      {
        metadataTtl: '2s',
        rules: {
          installScripts: { mode: 'block' },
          licenses: { mode: 'block', deny: ['GPL-3.0-only'] },
        },
      },
      { pypiUpstream: pypi.url, now: () => clock },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
  });

  it('keeps an npm version blocked for a binding.gyp found in its tarball after the TTL', async () => {
    const tarball = `${proxy.url}/fixture-native/-/fixture-native-1.1.0.tgz`;
    const versionsOf = async (): Promise<[number, string[], unknown]> => {
      const res = await fetch(`${proxy.url}/fixture-native`);
      const doc = (await res.json()) as {
        versions: Record<string, unknown>;
        'dist-tags': Record<string, string>;
      };
      return [res.status, Object.keys(doc.versions), doc['dist-tags'].latest];
    };

    expect(await versionsOf()).toEqual([200, ['1.0.0', '1.1.0'], '1.1.0']);
    expect((await fetch(tarball)).status).toBe(403);
    expect(await versionsOf()).toEqual([200, ['1.0.0'], '1.0.0']);
    // Past two TTLs, so the packument is fetched again before the answer.
    clock += 5000;
    expect(await versionsOf()).toEqual([200, ['1.0.0'], '1.0.0']);
    expect((await fetch(tarball)).status).toBe(403);
  });

  it('keeps a PyPI version blocked for a licence found in its wheel after the TTL', async () => {
    const wheel = `${proxy.url}/-/pypi/files/fixture-py-mixed/fixture_py_mixed-1.1-py3-none-any.whl`;
    const versionsOf = async (): Promise<[number, unknown]> => {
      const res = await fetch(`${proxy.url}/-/pypi/simple/fixture-py-mixed/`, {
        headers: { accept: 'application/vnd.pypi.simple.v1+json' },
      });
      const doc = (await res.json()) as { files: Array<{ filename: string }> };
      return [res.status, doc.files.map((f) => f.filename)];
    };

    expect(await versionsOf()).toEqual([
      200,
      ['fixture_py_mixed-1.0-py3-none-any.whl', 'fixture_py_mixed-1.1-py3-none-any.whl'],
    ]);
    expect((await fetch(wheel)).status).toBe(403);
    expect(await versionsOf()).toEqual([200, ['fixture_py_mixed-1.0-py3-none-any.whl']]);
    clock += 5000;
    expect(await versionsOf()).toEqual([200, ['fixture_py_mixed-1.0-py3-none-any.whl']]);
    expect((await fetch(wheel)).status).toBe(403);
  });
});
