import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { recorder, type Recorder } from './helpers/recorder.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

/** `127.0.0.1:port` of a loopback server. */
const hostOf = (server: Recorder): string => new URL(server.url).host;

describe('npm tarball redirects through the proxy', () => {
  let upstream: NpmUpstream;
  let cdn: Recorder;
  let stray: Recorder;
  let proxy: Proxy;

  beforeAll(async () => {
    // The CDN (listed in tarballHosts) redirects fixture-hop to the upstream's own copy, and
    // fixture-stray to a host listed nowhere.
    stray = await recorder((_req, res) => res.end());
    cdn = await recorder((req, res) => {
      const location = (req.url ?? '').startsWith('/to-stray/')
        ? `http://${hostOf(stray)}/elsewhere.tgz?token=s3cret`
        : `${upstream.url}/fixture-hop/-/fixture-hop-1.0.0.tgz`;
      res.writeHead(302, { location });
      res.end();
    });
    upstream = await startNpmUpstream([
      {
        name: 'fixture-hop',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: `${cdn.url}/signed/fixture-hop-1.0.0.tgz?X-Signature=abc`,
      },
      {
        name: 'fixture-stray',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: `${cdn.url}/to-stray/fixture-stray-1.0.0.tgz`,
      },
    ]);
    proxy = await startTestProxy(upstream.url, { tarballHosts: [hostOf(cdn)] });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    await cdn.close();
    await stray.close();
  });

  it('follows a redirect from a listed host to the upstream origin', async () => {
    const res = await fetch(`${proxy.url}/fixture-hop/-/fixture-hop-1.0.0.tgz`);

    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('refuses a redirect to a host that is neither the upstream origin nor listed', async () => {
    const res = await fetch(`${proxy.url}/fixture-stray/-/fixture-stray-1.0.0.tgz`);
    const body = (await res.json()) as { error: string };

    expect([res.status, body.error]).toEqual([
      502,
      `Bulwark could not use the upstream registry: upstream redirected http://${hostOf(cdn)}/to-stray/fixture-stray-1.0.0.tgz to http://${hostOf(stray)}/elsewhere.tgz?token=***, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
    ]);
  });
});
