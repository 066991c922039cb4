import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('an upstream whose tarball body stalls or trickles', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      { name: 'fixture-slow', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-slow', version: '1.0.1', ageDays: 30 },
    ]);
    proxy = await startTestProxy(upstream.url, { upstreamTimeout: 1, upstreamBodyTimeout: 2 });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  const tarball = async (version: string): Promise<[number, string]> => {
    const res = await fetch(`${proxy.url}/fixture-slow/-/fixture-slow-${version}.tgz`);
    const text = Buffer.from(await res.arrayBuffer());
    return [res.status, res.status === 200 ? `${text.length} bytes` : text.toString('utf8')];
  };

  it.each([
    ['stall-body', '1.0.0'],
    ['trickle', '1.0.1'],
  ] as const)(
    'answers 504 to a %s body, caches nothing, and the next request fetches again',
    async (mode, version) => {
      await fetch(`${proxy.url}/fixture-slow`);
      upstream.mode = mode;
      const [stalled, concurrent] = await Promise.all([tarball(version), tarball(version)]);
      upstream.mode = 'ok';
      const retried = await tarball(version);

      expect([stalled[0], concurrent[0]]).toEqual([504, 504]);
      expect(stalled[1]).toMatch(/^\{"error":"Bulwark timed out reading the upstream: /);
      expect(retried[0]).toBe(200);
      // The two stalled requests shared one upstream fetch; the retry made a second one.
      expect(upstream.requests.filter((p) => p.endsWith(`-${version}.tgz`)).length).toBe(2);
    },
  );
});
