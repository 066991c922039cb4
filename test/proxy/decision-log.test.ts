import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatRow } from '../../src/cli/proxy.js';
import type { DecisionRecord } from '../../src/proxy/store/types.js';
import { sharedAdvisories } from './helpers/advisories.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('the decision log', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;
  let advisories: ReturnType<typeof sharedAdvisories>;
  const clock = Date.parse('2026-06-01T12:00:00Z');

  beforeAll(async () => {
    advisories = sharedAdvisories(['npm-ghsa']);
    npm = await startNpmUpstream(
      [
        { name: 'lodash', version: '4.17.15', ageDays: 2000 },
        { name: 'fixture-fresh', version: '1.0.0', ageDays: 30 },
        { name: 'fixture-fresh', version: '1.1.0', ageDays: 1 },
        { name: 'lodahs', version: '1.0.0', ageDays: 300 },
        { name: 'fixture-repeat', version: '2.0.0', ageDays: 30 },
        { name: 'fixture-young', version: '1.0.0', ageDays: 1 },
        { name: 'fixture-joined', version: '1.0.0', ageDays: 1 },
        { name: 'fixture-counted', version: '1.0.0', ageDays: 30 },
      ],
      clock,
    );
    pypi = await startPypiUpstream(
      [
        { project: 'fixture-nohash', version: '1.0', ageDays: 40, noHash: true },
        { project: 'fixture-nohash', version: '1.1', ageDays: 30 },
        { project: 'fixture-allnohash', version: '2.0', ageDays: 40, noHash: true },
      ],
      clock,
    );
    const waive = (id: string) => ({
      id,
      reason: 'we never pass user input to lodash',
      expires: '2026-12-31',
      package: 'lodash',
    });
    proxy = await startTestProxy(
      npm.url,
      {
        rules: {
          vulnerabilities: {
            exceptions: [waive('GHSA-35jh-r3h4-6jhm'), waive('GHSA-p6mc-m468-83gw')],
          },
        },
      },
      { advisories: advisories.source, pypiUpstream: pypi.url, now: () => clock },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
    advisories.close();
  });

  const rows = async (name: string): Promise<string[]> => {
    await proxy.runtime.store.flush();
    const found = await proxy.runtime.store.decisions({ package: name });
    return found.map((r) => formatRow({ ...r, client: 'client' }));
  };

  it('shows the exceptions that let an advisory through', async () => {
    const res = await fetch(`${proxy.url}/lodash/-/lodash-4.17.15.tgz`);

    expect(res.status).toBe(200);
    expect(await rows('lodash')).toEqual([
      '2026-06-01T12:00:00.000Z allowed npm:lodash@4.17.15 vulnerabilities GHSA-p6mc-m468-83gw (client) - waived until 2026-12-31: we never pass user input to lodash (high vulnerability GHSA-p6mc-m468-83gw)',
      '2026-06-01T12:00:00.000Z allowed npm:lodash@4.17.15 vulnerabilities GHSA-35jh-r3h4-6jhm (client) - waived until 2026-12-31: we never pass user input to lodash (high vulnerability GHSA-35jh-r3h4-6jhm)',
    ]);
  });

  it('writes one row when a request for a blocked file also fetched its packument', async () => {
    const tarball = await fetch(`${proxy.url}/fixture-fresh/-/fixture-fresh-1.1.0.tgz`);
    const squat = await fetch(`${proxy.url}/lodahs`);

    expect([tarball.status, squat.status]).toEqual([403, 403]);
    expect(await rows('fixture-fresh')).toEqual([
      '2026-06-01T12:00:00.000Z blocked npm:fixture-fresh@1.1.0 minimumAge (client) - published 24h ago, younger than the minimum age of 3d',
    ]);
    expect(await rows('lodahs')).toEqual([
      '2026-06-01T12:00:00.000Z blocked npm:lodahs@1.0.0 typosquats (client) - likely typosquat: the name is close to lodash',
    ]);
  });

  const tarball = (name: string, version: string, agent: string): Promise<Response> =>
    fetch(`${proxy.url}/${name}/-/${name}-${version}.tgz`, { headers: { 'user-agent': agent } });

  const records = async (name: string): Promise<DecisionRecord[]> => {
    await proxy.runtime.store.flush();
    return proxy.runtime.store.decisions({ package: name });
  };

  it('folds identical allowed requests from one client within a second into one row with a count', async () => {
    const first = await tarball('fixture-repeat', '2.0.0', 'npm/10.8.2 node/v20.20.2');
    const second = await tarball('fixture-repeat', '2.0.0', 'npm/10.8.2 node/v20.20.2');
    const row = {
      time: clock,
      client: '127.0.0.1 npm/10.8.2',
      ecosystem: 'npm',
      package: 'fixture-repeat',
      version: '2.0.0',
      decision: 'allowed',
      count: 2,
    };

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await records('fixture-repeat')).toEqual([row]);
  });

  it('counts 50 requests for one tarball in one row, shown by the JSON API and `bulwark proxy log`', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await tarball('fixture-counted', '1.0.0', 'npm/10.8.2')).status);
    await tarball('fixture-counted', '1.0.0', 'bun/1.1.0');
    const api = (await (
      await fetch(`${proxy.url}/-/bulwark/decisions?package=fixture-counted`)
    ).json()) as { decisions: Array<Omit<DecisionRecord, 'time'> & { time: string }> };

    expect(statuses).toEqual(Array.from({ length: 50 }, () => 200));
    expect(api.decisions).toEqual([
      {
        time: '2026-06-01T12:00:00.000Z',
        client: '127.0.0.1 bun/1.1.0',
        ecosystem: 'npm',
        package: 'fixture-counted',
        version: '1.0.0',
        decision: 'allowed',
        count: 1,
      },
      {
        time: '2026-06-01T12:00:00.000Z',
        client: '127.0.0.1 npm/10.8.2',
        ecosystem: 'npm',
        package: 'fixture-counted',
        version: '1.0.0',
        decision: 'allowed',
        count: 50,
      },
    ]);
    expect(api.decisions.map((r) => formatRow({ ...r, time: clock }))).toEqual([
      '2026-06-01T12:00:00.000Z allowed npm:fixture-counted@1.0.0 (127.0.0.1 bun/1.1.0)',
      '2026-06-01T12:00:00.000Z allowed npm:fixture-counted@1.0.0 x50 (127.0.0.1 npm/10.8.2)',
    ]);
  });

  it('writes one row per request for a blocked file, the first request having fetched its packument', async () => {
    const row = {
      time: clock,
      client: '127.0.0.1 pnpm/9.1.0',
      ecosystem: 'npm',
      package: 'fixture-young',
      version: '1.0.0',
      decision: 'blocked',
      rule: 'minimumAge',
      reason: 'published 24h ago, younger than the minimum age of 3d',
      count: 1,
    };
    const fetching = await tarball('fixture-young', '1.0.0', 'pnpm/9.1.0');
    const afterFetch = await records('fixture-young');
    const cached = await tarball('fixture-young', '1.0.0', 'pnpm/9.1.0');

    expect([fetching.status, cached.status]).toEqual([403, 403]);
    expect(afterFetch).toEqual([row]);
    expect(await records('fixture-young')).toEqual([row, row]);
  });

  it('writes one row for each of two requests that share one packument fetch', async () => {
    const statuses = await Promise.all([
      tarball('fixture-joined', '1.0.0', 'yarn/1.22.22').then((res) => res.status),
      tarball('fixture-joined', '1.0.0', 'yarn/1.22.22').then((res) => res.status),
    ]);
    const row = {
      time: clock,
      client: '127.0.0.1 yarn/1.22.22',
      ecosystem: 'npm',
      package: 'fixture-joined',
      version: '1.0.0',
      decision: 'blocked',
      rule: 'minimumAge',
      reason: 'published 24h ago, younger than the minimum age of 3d',
      count: 1,
    };

    expect(statuses).toEqual([403, 403]);
    expect(await records('fixture-joined')).toEqual([row, row]);
    expect(npm.requests.filter((path) => path === '/fixture-joined')).toEqual(['/fixture-joined']);
  });

  it('logs a PyPI file listed without a sha256, and refuses it with the reason', async () => {
    const page = await fetch(`${proxy.url}/-/pypi/simple/fixture-nohash/`, {
      headers: { accept: 'application/vnd.pypi.simple.v1+json' },
    });
    const files = ((await page.json()) as { files: Array<{ filename: string }> }).files;
    const direct = await fetch(
      `${proxy.url}/-/pypi/files/fixture-nohash/fixture_nohash-1.0-py3-none-any.whl`,
    );
    const reason =
      'fixture_nohash-1.0-py3-none-any.whl has no sha256 in the upstream index, so it cannot be verified and is not offered';

    expect(files.map((f) => f.filename)).toEqual(['fixture_nohash-1.1-py3-none-any.whl']);
    expect([direct.status, ((await direct.json()) as { error: string }).error]).toEqual([
      502,
      `Bulwark refused ${reason}`,
    ]);
    const row = `2026-06-01T12:00:00.000Z blocked PyPI:fixture-nohash@1.0 integrity (client) - ${reason}`;
    expect(await rows('fixture-nohash')).toEqual([row, row]);
  });

  it('answers 502 with the reason for a project none of whose files has a sha256', async () => {
    const page = await fetch(`${proxy.url}/-/pypi/simple/fixture-allnohash/`, {
      headers: { accept: 'application/vnd.pypi.simple.v1+json' },
    });

    expect([page.status, ((await page.json()) as { error: string }).error]).toEqual([
      502,
      'Bulwark refused fixture-allnohash: the upstream lists 1 file for it, none with a sha256, so none can be verified and none is offered',
    ]);
  });
});
