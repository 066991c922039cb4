import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/shared.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, run, startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('the decision API limit', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;
  const rows = 1005;

  beforeAll(async () => {
    upstream = await startNpmUpstream([]);
    proxy = await startTestProxy(upstream.url);
    const time = Date.now();
    for (let i = 0; i < rows; i++) {
      proxy.runtime.store.recordDecision({
        time,
        client: '127.0.0.1 npm/10.8.2',
        ecosystem: 'npm',
        package: 'fixture-many',
        version: `1.0.${i}`,
        decision: 'blocked',
        rule: 'minimumAge',
        reason: 'published 0h ago, younger than the minimum age of 3d',
      });
    }
    await proxy.runtime.store.flush();
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  const count = async (query: string): Promise<[number, number]> => {
    const res = await fetch(`${proxy.url}/-/bulwark/decisions${query}`);
    const body = (await res.json()) as { decisions: unknown[] };
    return [res.status, body.decisions.length];
  };

  it('returns 1,000 rows when no limit is given, and up to 10,000 when asked', async () => {
    expect(await count('')).toEqual([200, 1000]);
    expect(await count('?limit=3')).toEqual([200, 3]);
    expect(await count('?limit=1')).toEqual([200, 1]);
    expect(await count('?limit=10000')).toEqual([200, rows]);
  });

  it.each(['-1', '0', 'abc', '1.5', '', '10001', '1e3', ' 5'])(
    'answers 400 to limit=%j',
    async (value) => {
      const res = await fetch(
        `${proxy.url}/-/bulwark/decisions?limit=${encodeURIComponent(value)}`,
      );

      expect([res.status, await res.json()]).toEqual([
        400,
        { error: `limit must be a whole number from 1 to 10,000, not ${JSON.stringify(value)}` },
      ]);
    },
  );

  it('leaves `bulwark proxy log` showing every row, past the API default', async () => {
    const log = await run(
      'npx',
      ['tsx', 'src/cli/main.ts', 'proxy', 'log', '--storage', proxy.storageDir, '--since', '1h'],
      repoRoot,
      cleanEnv(),
    );

    expect([log.code, log.stdout.trim().split('\n').length]).toEqual([0, rows]);
  });
});
