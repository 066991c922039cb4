import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

/** A loopback server answering every request with a redirect to `target()`. */
async function redirector(target: () => string): Promise<{ server: Server; host: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(302, { location: target() });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('npm tarball redirects through the proxy', () => {
  let upstream: NpmUpstream;
  let cdn: { server: Server; host: string };
  let stray: { server: Server; host: string };
  let proxy: Proxy;

  beforeAll(async () => {
    // The CDN (listed in tarballHosts) redirects to the upstream's own copy; the stray one
    // (listed nowhere) is where a second CDN redirects.
    cdn = await redirector(() => `${upstream.url}/fixture-hop/-/fixture-hop-1.0.0.tgz`);
    stray = await redirector(() => `${upstream.url}/fixture-stray/-/fixture-stray-1.0.0.tgz`);
    upstream = await startNpmUpstream([
      {
        name: 'fixture-hop',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: `http://${cdn.host}/signed/fixture-hop-1.0.0.tgz?X-Signature=abc`,
      },
      {
        name: 'fixture-stray',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: `http://${cdn.host}/to-stray/fixture-stray-1.0.0.tgz`,
      },
    ]);
    proxy = await startTestProxy(upstream.url, { tarballHosts: [cdn.host] });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    for (const s of [cdn.server, stray.server]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  it('follows a redirect from a listed host to the upstream origin', async () => {
    const res = await fetch(`${proxy.url}/fixture-hop/-/fixture-hop-1.0.0.tgz`);

    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('refuses a redirect to a host that is neither the upstream origin nor listed', async () => {
    // Point the listed CDN at the stray redirector for this package.
    const before = cdn.server.listeners('request')[0] as (...args: unknown[]) => void;
    cdn.server.removeAllListeners('request');
    cdn.server.on('request', (_req, res: import('node:http').ServerResponse) => {
      res.writeHead(302, { location: `http://${stray.host}/elsewhere.tgz?token=s3cret` });
      res.end();
    });
    const res = await fetch(`${proxy.url}/fixture-stray/-/fixture-stray-1.0.0.tgz`);
    cdn.server.removeAllListeners('request');
    cdn.server.on('request', before);
    const body = (await res.json()) as { error: string };

    expect([res.status, body.error]).toEqual([
      502,
      `Bulwark could not use the upstream registry: upstream redirected http://${cdn.host}/to-stray/fixture-stray-1.0.0.tgz to http://${stray.host}/elsewhere.tgz?token=***, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
    ]);
  });
});
