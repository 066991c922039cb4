import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { closedPort, recorder } from './helpers/recorder.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

interface Health {
  status: string;
  upstreams: {
    npm: { reachable: boolean; lastAnsweredAt: string | null; lastFailedAt: string | null } | null;
    pypi?: {
      reachable: boolean;
      lastAnsweredAt: string | null;
      lastFailedAt: string | null;
    } | null;
  };
}

const health = async (proxy: Proxy): Promise<Health> =>
  (await (await fetch(`${proxy.url}/-/bulwark/health`)).json()) as Health;

describe('the health endpoint follows the upstream', () => {
  let upstream: NpmUpstream;
  let working: Proxy;
  let cut: Proxy;
  let port: number;

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-ok', version: '1.0.0', ageDays: 30 }]);
    // A port that was just free: nothing listens on it, so connecting is refused.
    port = await closedPort();
    working = await startTestProxy(upstream.url);
    cut = await startTestProxy(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await working.close();
    await cut.close();
    await upstream.close();
  });

  it('is ok with no upstream contact yet, and after an answer', async () => {
    const before = await health(working);
    const res = await fetch(`${working.url}/fixture-ok`);
    const after = await health(working);

    expect([before.status, before.upstreams.npm, res.status]).toEqual(['ok', null, 200]);
    expect([
      after.status,
      after.upstreams.npm?.reachable,
      after.upstreams.npm?.lastFailedAt,
    ]).toEqual(['ok', true, null]);
    expect(after.upstreams.npm?.lastAnsweredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('is degraded while the latest upstream request got no answer', async () => {
    const res = await fetch(`${cut.url}/fixture-ok`);
    const after = await health(cut);

    expect([
      res.status,
      after.status,
      after.upstreams.npm?.reachable,
      after.upstreams.npm?.lastAnsweredAt,
    ]).toEqual([502, 'degraded', false, null]);
    expect(after.upstreams.npm?.lastFailedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('the health endpoint keeps npm and PyPI apart on one origin', () => {
  it('counts PyPI URLs for PyPI and npm URLs for npm (npm at /, PyPI at /simple/)', async () => {
    const upstream = await startNpmUpstream([
      { name: 'fixture-ok', version: '1.0.0', ageDays: 30 },
    ]);
    // One origin serves both, as Artifactory and Nexus do: npm at `/`, PyPI at `/simple/`,
    // whose pages close the connection without an answer.
    const shared = await recorder((req, res) => {
      if ((req.url ?? '').startsWith('/simple/')) return req.socket.destroy();
      fetch(`${upstream.url}${req.url ?? '/'}`)
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => req.socket.destroy());
    });
    const base = shared.url;
    const proxy = await startTestProxy(`${base}/`, {}, { pypiUpstream: `${base}/simple/` });

    const npm = await fetch(`${proxy.url}/fixture-ok`);
    const afterNpm = await health(proxy);
    const pypi = await fetch(`${proxy.url}/-/pypi/simple/requests/`);
    const afterPypi = await health(proxy);
    await proxy.close();
    await shared.close();
    await upstream.close();

    expect([npm.status, afterNpm.status, afterNpm.upstreams.npm?.reachable]).toEqual([
      200,
      'ok',
      true,
    ]);
    expect(afterNpm.upstreams.pypi).toBeNull();
    expect([
      pypi.status,
      afterPypi.status,
      afterPypi.upstreams.npm?.reachable,
      afterPypi.upstreams.npm?.lastFailedAt,
      afterPypi.upstreams.pypi?.reachable,
      afterPypi.upstreams.pypi?.lastAnsweredAt,
    ]).toEqual([502, 'degraded', true, null, false, null]);
  });
});
