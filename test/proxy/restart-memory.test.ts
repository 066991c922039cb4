import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy, tempDir } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const settings = {
  rules: {
    installScripts: { mode: 'block' },
    licenses: { mode: 'block', deny: ['GPL-3.0-only'] },
  },
};

/**
 * What the proxy learns must outlive a restart: the first proxy sees the original files; a
 * second one on the same storage, an hour later (past the metadata TTL), sees an upstream
 * that republished the same versions with other bytes.
 */
describe('pinned file digests and learned verdicts across a restart', () => {
  const storage = tempDir('restart-store');
  const original = [
    { name: 'fixture-pin', version: '1.0.0', ageDays: 30 },
    { name: 'fixture-native', version: '1.0.0', ageDays: 30 },
    { name: 'fixture-native', version: '1.1.0', ageDays: 20, files: { 'binding.gyp': '{}' } },
  ];
  let npmBefore: NpmUpstream;
  let npmAfter: NpmUpstream;
  let pypiBefore: PypiUpstream;
  let pypiAfter: PypiUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    npmBefore = await startNpmUpstream(original);
    npmAfter = await startNpmUpstream(
      [{ ...original[0], files: { 'payload.js': 'changed' } }, original[1], original[2]],
      Date.now(),
      2,
    );
    pypiBefore = await startPypiUpstream([
      { project: 'fixture-py-pin', version: '1.0', ageDays: 30 },
      { project: 'fixture-py-lic', version: '1.0', ageDays: 30 },
      { project: 'fixture-py-lic', version: '1.1', ageDays: 20, license: 'GPL-3.0-only' },
    ]);
    pypiAfter = await startPypiUpstream([
      { project: 'fixture-py-pin', version: '1.0', ageDays: 30, license: 'Apache-2.0' },
      { project: 'fixture-py-lic', version: '1.0', ageDays: 30 },
      { project: 'fixture-py-lic', version: '1.1', ageDays: 20, license: 'GPL-3.0-only' },
    ]);
    proxy = await startTestProxy(npmBefore.url, settings, {
      storageDir: storage.path,
      pypiUpstream: pypiBefore.url,
    });
  });

  afterAll(async () => {
    await proxy.close();
    for (const upstream of [npmBefore, npmAfter, pypiBefore, pypiAfter]) await upstream.close();
    storage.remove();
  });

  const status = async (path: string): Promise<number> =>
    (await fetch(`${proxy.url}${path}`)).status;
  const npmVersions = async (name: string): Promise<string[]> =>
    Object.keys(
      ((await (await fetch(`${proxy.url}/${name}`)).json()) as { versions: object }).versions,
    );
  const pypiFiles = async (project: string): Promise<string[]> => {
    const res = await fetch(`${proxy.url}/-/pypi/simple/${project}/`, {
      headers: { accept: 'application/vnd.pypi.simple.v1+json' },
    });
    return ((await res.json()) as { files: Array<{ filename: string }> }).files.map(
      (f) => f.filename,
    );
  };

  it('keeps blocks and pins after a restart, and refuses changed bytes', async () => {
    const first = [
      await status('/fixture-pin/-/fixture-pin-1.0.0.tgz'),
      await status('/fixture-native/-/fixture-native-1.1.0.tgz'),
      await status('/-/pypi/files/fixture-py-pin/fixture_py_pin-1.0-py3-none-any.whl'),
      await status('/-/pypi/files/fixture-py-lic/fixture_py_lic-1.1-py3-none-any.whl'),
    ];
    await proxy.close();
    const later = Date.now() + 3_600_000;
    proxy = await startTestProxy(npmAfter.url, settings, {
      storageDir: storage.path,
      pypiUpstream: pypiAfter.url,
      now: () => later,
    });

    const listed = [await npmVersions('fixture-native'), await pypiFiles('fixture-py-lic')];
    const changedTarball = await fetch(`${proxy.url}/fixture-pin/-/fixture-pin-1.0.0.tgz`);
    const changedWheel = await fetch(
      `${proxy.url}/-/pypi/files/fixture-py-pin/fixture_py_pin-1.0-py3-none-any.whl`,
    );
    const errors = [changedTarball, changedWheel].map(async (res) => [
      res.status,
      ((await res.json()) as { error: string }).error.replace(/\(sha\S+ then, sha\S+ now\)/, '(…)'),
    ]);

    expect(first).toEqual([200, 403, 200, 403]);
    expect(listed).toEqual([['1.0.0'], ['fixture_py_lic-1.0-py3-none-any.whl']]);
    expect(await Promise.all(errors)).toEqual([
      [
        502,
        "Bulwark refused fixture-pin@1.0.0: the upstream changed fixture-pin-1.0.0.tgz since it was first seen (…); a published version's bytes must not change",
      ],
      [
        502,
        "Bulwark refused fixture-py-pin@1.0: the upstream changed fixture_py_pin-1.0-py3-none-any.whl since it was first seen (…); a published version's bytes must not change",
      ],
    ]);
  });
});
