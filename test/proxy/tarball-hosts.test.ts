import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { recorder, type Recorder } from './helpers/recorder.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('tarballs a packument places on another host', () => {
  let other: Recorder;
  let otherHost = '';
  const otherRequests: string[] = [];
  let upstream: NpmUpstream;
  let strict: Proxy;
  let allowing: Proxy;

  beforeAll(async () => {
    // Another listener on loopback, standing for an internal service or a CDN; it relays the
    // upstream's copy of the tarball.
    other = await recorder((req, res) => {
      otherRequests.push(req.url ?? '');
      void fetch(`${upstream.url}/fixture-elsewhere/-/fixture-elsewhere-1.0.0.tgz`)
        .then(async (r) => Buffer.from(await r.arrayBuffer()))
        .then((bytes) => {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(bytes);
        });
    });
    otherHost = new URL(other.url).host;
    upstream = await startNpmUpstream([
      {
        name: 'fixture-elsewhere',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: `http://${otherHost}/internal/admin/fixture-elsewhere-1.0.0.tgz?token=s3cret`,
      },
      { name: 'fixture-home', version: '1.0.0', ageDays: 30 },
    ]);
    strict = await startTestProxy(upstream.url);
    allowing = await startTestProxy(upstream.url, { tarballHosts: [otherHost] });
  });

  afterAll(async () => {
    await strict.close();
    await allowing.close();
    await upstream.close();
    await other.close();
  });

  it('refuses a tarball off the upstream origin with 502, naming the package, version and host only', async () => {
    const res = await fetch(`${strict.url}/fixture-elsewhere/-/fixture-elsewhere-1.0.0.tgz`);
    const home = await fetch(`${strict.url}/fixture-home/-/fixture-home-1.0.0.tgz`);

    expect([res.status, await res.json()]).toEqual([
      502,
      {
        error: `Bulwark refused fixture-elsewhere@1.0.0: the upstream places its tarball on ${otherHost}, which is neither the upstream's own origin nor in proxy.tarballHosts`,
      },
    ]);
    expect(otherRequests).toEqual([]);
    expect(home.status).toBe(200);
  });

  it('fetches it from a host listed in proxy.tarballHosts', async () => {
    const res = await fetch(`${allowing.url}/fixture-elsewhere/-/fixture-elsewhere-1.0.0.tgz`);

    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect(otherRequests).toEqual(['/internal/admin/fixture-elsewhere-1.0.0.tgz?token=s3cret']);
  });
});

describe('proxy.tarballHosts', () => {
  it('takes host names and host:port, in lower case', () => {
    expect(
      proxyConfigSchema.parse({
        tarballHosts: ['CDN.Example.com', 'npm-cdn.example.com:8443', '10.0.0.5', '[::1]:4873'],
      }).tarballHosts,
    ).toEqual(['cdn.example.com', 'npm-cdn.example.com:8443', '10.0.0.5', '[::1]:4873']);
  });

  it.each(['https://cdn.example.com', 'cdn.example.com/npm', '', 'cdn example.com', '-bad.com'])(
    'refuses %j',
    (host) => {
      const result = proxyConfigSchema.safeParse({ tarballHosts: [host] });

      expect(result.success ? [] : result.error.issues.map((i) => [i.path, i.message])).toEqual([
        [
          ['tarballHosts', 0],
          'give a host name with an optional port, such as cdn.example.com or cdn.example.com:8443, not a URL or a path',
        ],
      ]);
    },
  );
});
