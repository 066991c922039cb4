import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/shared.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, run, startTestProxy } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('finding PyPI packages in the decision log by any spelling of their name', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    npm = await startNpmUpstream([]);
    pypi = await startPypiUpstream([{ project: 'fixture-mixed', version: '1.0', ageDays: 30 }]);
    proxy = await startTestProxy(npm.url, {}, { pypiUpstream: pypi.url });
    const file = await fetch(
      `${proxy.url}/-/pypi/files/Fixture_Mixed/fixture_mixed-1.0-py3-none-any.whl`,
      { headers: { 'user-agent': 'pip/24.0' } },
    );
    expect(file.status).toBe(200);
    // An npm package is matched by its exact name only.
    proxy.runtime.store.recordDecision({
      time: Date.now(),
      client: '127.0.0.1 npm/10.8.2',
      ecosystem: 'npm',
      package: 'fixture-mixed',
      version: '2.0.0',
      decision: 'allowed',
    });
    await proxy.runtime.store.flush();
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
  });

  it.each(['Fixture_Mixed', 'FIXTURE.MIXED', 'fixture--mixed'])(
    'the JSON API finds fixture-mixed as package=%s',
    async (name) => {
      const res = await fetch(
        `${proxy.url}/-/bulwark/decisions?package=${encodeURIComponent(name)}`,
      );
      const rows = ((await res.json()) as { decisions: Array<Record<string, unknown>> }).decisions;

      expect(rows.map((r) => [r.ecosystem, r.package, r.version, r.decision])).toEqual([
        ['PyPI', 'fixture-mixed', '1.0', 'allowed'],
      ]);
    },
  );

  it('the exact name finds both ecosystems, and `bulwark proxy log --package` normalises too', async () => {
    const exact = await fetch(`${proxy.url}/-/bulwark/decisions?package=fixture-mixed`);
    const log = await run(
      'npx',
      [
        ...['tsx', 'src/cli/main.ts', 'proxy', 'log'],
        ...['--storage', proxy.storageDir, '--package', 'Fixture.Mixed', '--json'],
      ],
      repoRoot,
      cleanEnv(),
    );
    const printed = JSON.parse(log.stdout) as Array<Record<string, unknown>>;

    expect(
      ((await exact.json()) as { decisions: Array<Record<string, unknown>> }).decisions
        .map((r) => `${String(r.ecosystem)}:${String(r.package)}@${String(r.version)}`)
        .sort(),
    ).toEqual(['PyPI:fixture-mixed@1.0', 'npm:fixture-mixed@2.0.0']);
    expect([log.code, printed.map((r) => [r.ecosystem, r.package, r.version])]).toEqual([
      0,
      [['PyPI', 'fixture-mixed', '1.0']],
    ]);
  });
});
