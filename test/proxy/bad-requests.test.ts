import { request } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

/** Send a raw request path (fetch would normalize `..` away). */
function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bad requests and a bad upstream', () => {
  let upstream: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    pypi = await startPypiUpstream([]);
    upstream = await startNpmUpstream([
      { name: 'fixture-good', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-second', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-other', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-fourth', version: '1.0.0', ageDays: 30 },
    ]);
    proxy = await startTestProxy(
      upstream.url,
      { metadataTtl: 0, upstreamTimeout: '1s' },
      { pypiUpstream: pypi.url },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    await pypi.close();
  });

  it.each([
    ['/../../etc/passwd', 400, 'invalid package name ".."'],
    ['/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 400, 'invalid package name "../../etc/passwd"'],
    ['/fixture-good/-/..%2f..%2fproxy.sqlite', 400, 'invalid tarball name "../../proxy.sqlite"'],
    ['/@scope/..', 400, 'invalid package name "@scope/.."'],
    ['/%E0%A4%A', 400, 'malformed percent-encoding in path segment "%E0%A4%A"'],
    ['/has%20space', 400, 'invalid package name "has space"'],
    [`/${'a'.repeat(300)}`, 400, `invalid package name "${'a'.repeat(100)}"`],
    ['/-/pypi/simple/..%2f/', 400, 'invalid project name "../"'],
    ['/-/pypi/files/x/..%2fproxy.sqlite', 400, 'invalid file name "../proxy.sqlite"'],
    [
      '/fixture-good/-/fixture-good-9.9.9.tgz',
      404,
      'tarball fixture-good-9.9.9.tgz is not a version of fixture-good',
    ],
    ['/no-such-package', 404, 'package no-such-package not found upstream'],
    ['/a/b/c/d', 404, 'no such route: /a/b/c/d'],
  ])('GET %s answers %i', async (path, status, error) => {
    const res = await rawGet(proxy.url, path);
    expect([res.status, (JSON.parse(res.body) as { error: string }).error]).toEqual([
      status,
      error,
    ]);
  });

  it('answers 431 to huge headers', async () => {
    const res = await rawGet(proxy.url, '/fixture-good', { 'x-big': 'a'.repeat(20_000) });
    expect(res.status).toBe(431);
  });

  it.each(['PUT', 'DELETE', 'POST'])('refuses %s as a read-only firewall', async (method) => {
    const res = await fetch(`${proxy.url}/fixture-good`, { method, body: '{}' });
    const body = (await res.json()) as { error: string };
    expect([res.status, res.headers.get('allow'), body.error]).toEqual([
      405,
      'GET, HEAD',
      'This registry is a read-only Bulwark firewall: publish, unpublish, login and other writes are refused. Publish to your upstream registry directly.',
    ]);
  });

  it.each([
    ['GET', '/-/npm/v1/security/advisories/bulk', 'POST'],
    ['DELETE', '/-/bulwark/health', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await fetch(`${proxy.url}${path}`, { method });
    expect([res.status, res.headers.get('allow')]).toEqual([405, allow]);
  });

  it('revalidates an expired packument with If-None-Match and serves the cached copy on 304', async () => {
    const before = upstream.notModified;

    const first = await fetch(`${proxy.url}/fixture-good`);
    const second = await fetch(`${proxy.url}/fixture-good`);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(upstream.notModified - before).toBe(2);
  });

  it('serves cached packuments and tarballs, marked stale, when the upstream hangs or sends garbage', async () => {
    const tarball = `${proxy.url}/fixture-good/-/fixture-good-1.0.0.tgz`;
    const first = await fetch(`${proxy.url}/fixture-good`);
    const bytes = Buffer.from(await (await fetch(tarball)).arrayBuffer());
    expect((await fetch(`${proxy.url}/fixture-second`)).status).toBe(200);
    expect([first.status, first.headers.get('x-bulwark-stale')]).toEqual([200, null]);

    upstream.mode = 'hang';
    const hung = await fetch(`${proxy.url}/fixture-good`);
    const hungTarball = await fetch(tarball);
    upstream.mode = 'garbage';
    const garbage = await fetch(`${proxy.url}/fixture-second`);
    upstream.mode = 'ok';

    expect([hung.status, hung.headers.get('x-bulwark-stale')]).toEqual([
      200,
      'upstream-unreachable',
    ]);
    expect(Buffer.from(await hungTarball.arrayBuffer()).equals(bytes)).toBe(true);
    expect([garbage.status, garbage.headers.get('x-bulwark-stale')]).toEqual([
      200,
      'upstream-invalid',
    ]);
    expect(Object.keys(((await garbage.json()) as { versions: object }).versions)).toEqual([
      '1.0.0',
    ]);
  });

  it('answers 504 or 502 for a package never cached when the upstream hangs or sends garbage', async () => {
    upstream.mode = 'hang';
    const hung = await fetch(`${proxy.url}/fixture-other`);
    upstream.mode = 'garbage';
    const garbage = await fetch(`${proxy.url}/fixture-other`);
    upstream.mode = 'ok';
    const after = await fetch(`${proxy.url}/fixture-other`);

    expect(hung.status).toBe(504);
    expect(((await hung.json()) as { error: string }).error).toMatch(
      /^Bulwark timed out reading the upstream: upstream timed out for http:\/\/127\.0\.0\.1:\d+\/fixture-other: /,
    );
    expect([garbage.status, ((await garbage.json()) as { error: string }).error]).toEqual([
      502,
      'Bulwark could not use the upstream registry: upstream packument for fixture-other is not JSON',
    ]);
    expect(after.status).toBe(200);
  });

  it('answers 502 and caches nothing when a package never cached comes back as JSON that is not a packument', async () => {
    upstream.mode = 'not-packument';
    const refused = await fetch(`${proxy.url}/fixture-fourth`);
    const again = await fetch(`${proxy.url}/fixture-fourth`);
    upstream.mode = 'ok';
    const after = await fetch(`${proxy.url}/fixture-fourth`);

    expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([
      502,
      'Bulwark could not use the upstream registry: upstream packument for fixture-fourth has no name',
    ]);
    expect(again.status).toBe(502);
    expect([
      after.status,
      Object.keys(((await after.json()) as { versions: object }).versions),
    ]).toEqual([200, ['1.0.0']]);
  });
});
