import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createUpstreamClient } from '../../src/proxy/upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { basic, recorder, type Recorder } from './helpers/recorder.js';
import { npmDist, npmTarball } from './helpers/tarballs.js';

describe('credentials in the upstream URL become an Authorization header', () => {
  let tgz: Buffer;
  let cdnTgz: Buffer;
  let registry: Recorder;
  let cdn: Recorder;
  const wanted = basic('ci user:p@ss word');

  beforeAll(async () => {
    tgz = await npmTarball({
      'package.json': JSON.stringify({ name: 'fixture-auth', version: '1.0.0' }),
      'index.js': 'module.exports = 1;\n',
    });
    cdnTgz = await npmTarball({
      'package.json': JSON.stringify({ name: 'fixture-cdn', version: '1.0.0' }),
      'index.js': 'module.exports = 2;\n',
    });
    cdn = await recorder((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(cdnTgz);
    });
    registry = await recorder((req, res) => {
      if (req.headers.authorization !== wanted) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"error":"unauthorized"}');
      }
      const path = req.url ?? '';
      const time = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const packument = (name: string, tarball: string, data = tgz) => ({
        name,
        'dist-tags': { latest: '1.0.0' },
        versions: { '1.0.0': { name, version: '1.0.0', dist: { ...npmDist(data), tarball } } },
        time: { created: time, modified: time, '1.0.0': time },
      });
      if (path === '/fixture-auth') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify(packument('fixture-auth', `${registry.url}/files/fixture-auth-1.0.0.tgz`)),
        );
      }
      if (path === '/fixture-cdn') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify(packument('fixture-cdn', `${cdn.url}/fixture-cdn-1.0.0.tgz`, cdnTgz)),
        );
      }
      if (path === '/files/fixture-auth-1.0.0.tgz') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(tgz);
      }
      res.writeHead(404);
      res.end();
    });
  });

  afterAll(async () => {
    await registry.close();
    await cdn.close();
  });

  it('sends user:password (percent-decoded) as Basic to the upstream and its tarballs', async () => {
    const upstream = registry.url.replace('http://', 'http://ci%20user:p%40ss%20word@');
    const proxy = await startTestProxy(upstream, {
      tarballHosts: [new URL(cdn.url).host],
    });
    const packument = await fetch(`${proxy.url}/fixture-auth`);
    const tarball = await fetch(`${proxy.url}/fixture-auth/-/fixture-auth-1.0.0.tgz`);
    const fromCdn = await fetch(`${proxy.url}/fixture-cdn/-/fixture-cdn-1.0.0.tgz`);
    await proxy.close();

    expect([packument.status, tarball.status, fromCdn.status]).toEqual([200, 200, 200]);
    expect(registry.seen).toEqual([
      { path: '/fixture-auth', authorization: wanted },
      { path: '/files/fixture-auth-1.0.0.tgz', authorization: wanted },
      { path: '/fixture-cdn', authorization: wanted },
    ]);
    // The tarball host is another origin: the credentials never go there.
    expect(cdn.seen).toEqual([{ path: '/fixture-cdn-1.0.0.tgz', authorization: null }]);
  });

  it('sends a user name without a password as Basic with an empty password', async () => {
    const seen: Array<string | null> = [];
    const server = await recorder((req, res) => {
      seen.push(req.headers.authorization ?? null);
      res.writeHead(404);
      res.end();
    });
    const client = createUpstreamClient(2000, 'bulwark-test', 10_000, [
      server.url.replace('http://', 'http://tok3n@'),
    ]);
    const answer = await client.document(`${server.url}/x`, 'application/json');
    await client.close();
    await server.close();
    expect([answer, seen]).toEqual([{ status: 404 }, [basic('tok3n:')]]);
  });
});
