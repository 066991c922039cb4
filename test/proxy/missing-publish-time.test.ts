import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('a version whose upstream gives no publish time', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;
  const clock = Date.parse('2026-06-01T12:00:00Z');

  beforeAll(async () => {
    npm = await startNpmUpstream(
      [{ name: 'fixture-untimed', version: '1.0.0', ageDays: 1, noTime: true }],
      clock,
    );
    pypi = await startPypiUpstream(
      [{ project: 'fixture-untimed', version: '1.0', ageDays: 1, noUploadTime: true }],
      clock,
    );
    proxy = await startTestProxy(npm.url, {}, { pypiUpstream: pypi.url, now: () => clock });
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
  });

  const decisions = async (ecosystem: string): Promise<unknown[]> => {
    await proxy.runtime.store.flush();
    const rows = await proxy.runtime.store.decisions({ package: 'fixture-untimed' });
    return rows
      .filter((r) => r.ecosystem === ecosystem)
      .map((r) => [r.decision, r.version, r.rule, r.reason]);
  };

  it('serves an npm version from a packument without `time`, logging a minimum-age warning', async () => {
    const packument = await fetch(`${proxy.url}/fixture-untimed`);
    const versions = Object.keys(
      ((await packument.json()) as { versions: Record<string, unknown> }).versions,
    );
    const tarball = await fetch(`${proxy.url}/fixture-untimed/-/fixture-untimed-1.0.0.tgz`);

    expect([packument.status, versions, tarball.status]).toEqual([200, ['1.0.0'], 200]);
    expect(await decisions('npm')).toEqual([
      [
        'warned',
        '1.0.0',
        'minimumAge',
        'the upstream gives no publish time for fixture-untimed@1.0.0, so its age cannot be checked',
      ],
    ]);
  });

  it('serves a PyPI file listed without `upload-time`, logging a minimum-age warning', async () => {
    const file = await fetch(
      `${proxy.url}/-/pypi/files/fixture-untimed/fixture_untimed-1.0-py3-none-any.whl`,
    );

    expect(file.status).toBe(200);
    expect(await decisions('PyPI')).toEqual([
      [
        'warned',
        '1.0',
        'minimumAge',
        'the upstream gives no publish time for fixture-untimed@1.0, so its age cannot be checked',
      ],
    ]);
  });
});
