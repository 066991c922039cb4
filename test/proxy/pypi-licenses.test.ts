import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';

describe('the licence rule on the PyPI side, with unknown licences blocked', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    npm = await startNpmUpstream([]);
    pypi = await startPypiUpstream([
      { project: 'lic-mit', version: '1.0', ageDays: 40 },
      { project: 'lic-gpl', version: '1.0', ageDays: 40, license: 'GPL-3.0-only' },
      { project: 'lic-gpl', version: '0.9', ageDays: 80 },
      { project: 'lic-none', version: '1.0', ageDays: 40, license: null },
      { project: 'lic-wheel', version: '1.0', ageDays: 40, noCoreMetadata: true },
      { project: 'lic-sdist', version: '1.0', ageDays: 40, sdist: true, noCoreMetadata: true },
    ]);
    proxy = await startTestProxy(
      npm.url,
      { rules: { licenses: { mode: 'block', deny: ['GPL-3.0-only'], unknown: true } } },
      { pypiUpstream: pypi.url },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
  });

  const page = async (project: string): Promise<[number, string[]]> => {
    const res = await fetch(`${proxy.url}/-/pypi/simple/${project}/`, {
      headers: { accept: JSON_TYPE },
    });
    const doc = (await res.json()) as { files?: Array<{ filename: string }> };
    return [res.status, (doc.files ?? []).map((f) => f.filename)];
  };
  const file = async (project: string, filename: string): Promise<[number, string | undefined]> => {
    const res = await fetch(`${proxy.url}/-/pypi/files/${project}/${filename}`);
    const body = res.status === 200 ? undefined : ((await res.json()) as { error: string }).error;
    return [res.status, body];
  };
  const licenceRows = async (project: string): Promise<string[]> => {
    await proxy.runtime.store.flush();
    const rows = await proxy.runtime.store.decisions({ package: project });
    return rows.filter((r) => r.rule === 'licenses').map((r) => `${r.decision}: ${r.reason}`);
  };

  it('lists every version on project pages while licences are not known yet', async () => {
    const pages = await Promise.all(['lic-mit', 'lic-gpl', 'lic-none'].map(page));

    expect(pages).toEqual([
      [200, ['lic_mit-1.0-py3-none-any.whl']],
      [200, ['lic_gpl-1.0-py3-none-any.whl', 'lic_gpl-0.9-py3-none-any.whl']],
      [200, ['lic_none-1.0-py3-none-any.whl']],
    ]);
  });

  it('reads the licence from PEP 658 metadata and refuses a denied one before fetching the file', async () => {
    const mit = await file('lic-mit', 'lic_mit-1.0-py3-none-any.whl');
    const gpl = await file('lic-gpl', 'lic_gpl-1.0-py3-none-any.whl');
    const none = await file('lic-none', 'lic_none-1.0-py3-none-any.whl');

    expect([mit, gpl, none]).toEqual([
      [200, undefined],
      [
        403,
        'Bulwark blocked lic-gpl@1.0: licenses: licence GPL-3.0-only not allowed (GPL-3.0-only)',
      ],
      [403, 'Bulwark blocked lic-none@1.0: licenses: licence is missing or not SPDX: none'],
    ]);
    expect(pypi.requests.filter((p) => p.includes('lic_gpl'))).toEqual([
      '/files/lic_gpl-1.0-py3-none-any.whl.metadata',
    ]);
    expect(await page('lic-gpl')).toEqual([200, ['lic_gpl-0.9-py3-none-any.whl']]);
  });

  it('reads a wheel without PEP 658 metadata from the wheel itself', async () => {
    expect(await file('lic-wheel', 'lic_wheel-1.0-py3-none-any.whl')).toEqual([200, undefined]);
    expect(await licenceRows('lic-wheel')).toEqual([]);
  });

  it('serves an sdist whose licence cannot be read, with a logged warning', async () => {
    expect(await file('lic-sdist', 'lic_sdist-1.0.tar.gz')).toEqual([200, undefined]);
    expect(await licenceRows('lic-sdist')).toEqual([
      'warned: licence unknown: the file has no core metadata to read it from',
    ]);
  });
});
