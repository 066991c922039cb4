import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatRow } from '../../src/cli/proxy.js';
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
      ],
      clock,
    );
    pypi = await startPypiUpstream(
      [
        { project: 'fixture-nohash', version: '1.0', ageDays: 40, noHash: true },
        { project: 'fixture-nohash', version: '1.1', ageDays: 30 },
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
    expect(await rows('fixture-nohash')).toEqual([
      `2026-06-01T12:00:00.000Z blocked PyPI:fixture-nohash@1.0 integrity (client) - ${reason}`,
    ]);
  });
});
