import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('an upstream packument for another package', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      { name: 'ctl-wrongname', version: '1.0.0', ageDays: 30 },
      { name: 'evilpkg', version: '6.6.6', ageDays: 30 },
    ]);
    proxy = await startTestProxy(upstream.url);
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('is refused with 502, for the packument and its tarballs, and is not cached', async () => {
    upstream.serveAs['ctl-wrongname'] = 'evilpkg';
    const packument = await fetch(`${proxy.url}/ctl-wrongname`);
    const tarball = await fetch(`${proxy.url}/ctl-wrongname/-/ctl-wrongname-1.0.0.tgz`);
    const stored = await proxy.runtime.store.getMetadata('npm', 'ctl-wrongname');
    upstream.serveAs = {};
    const after = await fetch(`${proxy.url}/ctl-wrongname`);
    const error =
      'Bulwark could not use the upstream registry: upstream packument for ctl-wrongname names another package ("evilpkg")';

    expect([packument.status, ((await packument.json()) as { error: string }).error]).toEqual([
      502,
      error,
    ]);
    expect([tarball.status, ((await tarball.json()) as { error: string }).error]).toEqual([
      502,
      error,
    ]);
    expect(stored).toBeUndefined();
    expect(after.status).toBe(200);
    expect(((await after.json()) as { name: string }).name).toBe('ctl-wrongname');
  });
});
