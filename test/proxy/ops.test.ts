import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, npmProject, run, startTestProxy } from './helpers/proxy.js';
import { repoRoot } from '../helpers/shared.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('proxy routes, metrics, health and the decision log CLI', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;
  let prefixed: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      { name: 'fixture-good', version: '1.0.0', ageDays: 30 },
      { name: 'fixture-good', version: '1.1.0', ageDays: 0 },
      { name: '@fixture/scoped', version: '2.0.0', ageDays: 10 },
    ]);
    proxy = await startTestProxy(upstream.url);
    prefixed = await startTestProxy(upstream.url, {
      publicUrl: 'https://firewall.example.test/npm/',
    });
  });

  afterAll(async () => {
    await proxy.close();
    await prefixed.close();
    await upstream.close();
  });

  it('serves both scoped name forms, abbreviated and full, gzip or not', async () => {
    const slash = await fetch(`${proxy.url}/@fixture/scoped`, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
    });
    const encoded = await fetch(`${proxy.url}/@fixture%2fscoped`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    const abbreviated = (await slash.json()) as Record<string, unknown>;

    expect(slash.headers.get('content-type')).toBe(
      'application/vnd.npm.install-v1+json; charset=utf-8',
    );
    expect(Object.keys(abbreviated).sort()).toEqual(['dist-tags', 'modified', 'name', 'versions']);
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    const full = (await encoded.json()) as {
      time: Record<string, string>;
      versions: Record<string, { dist: { tarball: string } }>;
    };
    expect(Object.keys(full.time).sort()).toEqual(['2.0.0', 'created', 'modified']);
    expect(full.versions['2.0.0'].dist.tarball).toBe(
      `${proxy.url}/@fixture/scoped/-/scoped-2.0.0.tgz`,
    );
  });

  it('answers 304 to a client revalidating with the ETag it was given', async () => {
    const first = await fetch(`${proxy.url}/fixture-good`);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${proxy.url}/fixture-good`, { headers: { 'if-none-match': etag } });
    const other = await fetch(`${proxy.url}/fixture-good`, { headers: { 'if-none-match': '"x"' } });

    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect([again.status, await again.text(), other.status]).toEqual([304, '', 200]);
  });

  it('answers dist-tags, a version manifest, ping and HEAD', async () => {
    const tags = await (await fetch(`${proxy.url}/-/package/fixture-good/dist-tags`)).json();
    const latest = (await (await fetch(`${proxy.url}/fixture-good/latest`)).json()) as {
      version: string;
    };
    const blocked = await fetch(`${proxy.url}/fixture-good/1.1.0`);
    const ping = await fetch(`${proxy.url}/-/ping`);
    const head = await fetch(`${proxy.url}/fixture-good`, { method: 'HEAD' });

    expect(tags).toEqual({ latest: '1.0.0' });
    expect(latest.version).toBe('1.0.0');
    expect([blocked.status, ((await blocked.json()) as { rule: string }).rule]).toEqual([
      403,
      'minimumAge',
    ]);
    expect([ping.status, await ping.json()]).toEqual([200, {}]);
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('passes search through and refuses npm publish as a read-only firewall', async () => {
    const search = (await (
      await fetch(`${proxy.url}/-/v1/search?text=fixture&size=5`)
    ).json()) as Record<string, unknown>;
    const app = npmProject({});
    writeFileSync(
      join(app.dir, 'package.json'),
      JSON.stringify({ name: 'fixture-publish', version: '1.0.0' }),
    );
    const host = new URL(proxy.url).host;
    const auth = `--//${host}/:_authToken=not-a-real-token`;

    const publish = await run('npm', ['publish', auth, ...app.npmArgs(proxy.url)], app.dir);

    expect(search).toEqual({ objects: [], total: 0, query: '/-/v1/search?text=fixture&size=5' });
    expect(publish.code).not.toBe(0);
    expect(publish.stderr).toContain('405 Method Not Allowed - PUT');
    expect(publish.stderr).toContain('This registry is a read-only Bulwark firewall');
    app.remove();
  });

  it('writes the public URL into tarball links and accepts its path prefix', async () => {
    const bare = (await (await fetch(`${prefixed.url}/fixture-good`)).json()) as {
      versions: Record<string, { dist: { tarball: string } }>;
    };
    const withPrefix = await fetch(`${prefixed.url}/npm/fixture-good/-/fixture-good-1.0.0.tgz`);

    expect(bare.versions['1.0.0'].dist.tarball).toBe(
      'https://firewall.example.test/npm/fixture-good/-/fixture-good-1.0.0.tgz',
    );
    expect(withPrefix.status).toBe(200);
  });

  it('shares one upstream fetch among concurrent requests for an uncached tarball', async () => {
    const url = `${proxy.url}/@fixture/scoped/-/scoped-2.0.0.tgz`;
    const before = upstream.requests.filter((p) => p.endsWith('scoped-2.0.0.tgz')).length;

    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(url)));

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(upstream.requests.filter((p) => p.endsWith('scoped-2.0.0.tgz')).length - before).toBe(1);
  });

  it('reports health and Prometheus metrics', async () => {
    const health = (await (await fetch(`${proxy.url}/-/bulwark/health`)).json()) as Record<
      string,
      unknown
    >;
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();

    expect([health.status, health.npmUpstream, health.dryRun]).toEqual(['ok', upstream.url, false]);
    expect(metrics).toContain('bulwark_proxy_requests_total{route="npm-tarball",status="200"} 8');
    expect(metrics).toContain('bulwark_proxy_cache_lookups_total{kind="packument",result="hit"}');
    expect(metrics).toContain('bulwark_proxy_cache_lookups_total{kind="tarball",result="miss"}');
    expect(metrics).toContain('bulwark_proxy_blocks_total{rule="minimumAge"}');
    expect(metrics).toMatch(/bulwark_proxy_upstream_seconds_count [1-9]/);
  });

  it('filters the decision log over HTTP and prints it with `bulwark proxy log`', async () => {
    const blocked = (await (
      await fetch(`${proxy.url}/-/bulwark/decisions?decision=blocked`)
    ).json()) as { decisions: Array<Record<string, string>> };
    const bad = await fetch(`${proxy.url}/-/bulwark/decisions?since=yesterday`);
    const empties = await Promise.all(
      ['decision=', 'since=', 'package='].map(async (query) => {
        const res = await fetch(`${proxy.url}/-/bulwark/decisions?${query}`);
        return [query, res.status, ((await res.json()) as { error: string }).error];
      }),
    );
    await proxy.runtime.store.flush();

    const cli = [
      'tsx',
      'src/cli/main.ts',
      'proxy',
      'log',
      '--storage',
      proxy.storageDir,
      '--decision',
      'blocked',
    ];
    const text = await run('npx', cli, repoRoot, cleanEnv());
    const json = await run('npx', [...cli, '--json'], repoRoot, cleanEnv());

    expect(new Set(blocked.decisions.map((d) => `${d.package}@${d.version} ${d.rule}`))).toEqual(
      new Set(['fixture-good@1.1.0 minimumAge']),
    );
    expect(bad.status).toBe(400);
    expect(empties).toEqual([
      ['decision=', 400, 'decision must be allowed, warned or blocked'],
      ['since=', 400, 'since must look like 30m, 1h or 2d'],
      ['package=', 400, 'package must name a package'],
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z blocked npm:fixture-good@1\.1\.0 minimumAge \(127\.0\.0\.1 [^)]*\) - published 0h ago, younger than the minimum age of 3d$/,
    );
    const rows = JSON.parse(json.stdout) as Array<Record<string, string>>;
    expect(rows.every((r) => r.decision === 'blocked' && r.package === 'fixture-good')).toBe(true);
  });
});
