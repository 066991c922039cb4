import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sharedAdvisories } from './helpers/advisories.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('monitor mode (--dry-run)', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;
  let advisories: ReturnType<typeof sharedAdvisories>;

  beforeAll(async () => {
    advisories = sharedAdvisories(['npm-ghsa', 'npm-malicious']);
    upstream = await startNpmUpstream([
      { name: 'debug', version: '4.4.1', ageDays: 200 },
      { name: 'debug', version: '4.4.2', ageDays: 100 },
    ]);
    proxy = await startTestProxy(upstream.url, { dryRun: true }, { advisories: advisories.source });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    advisories.close();
  });

  it('serves what it would block and logs it as a warning', async () => {
    const doc = (await (await fetch(`${proxy.url}/debug`)).json()) as {
      versions: object;
      'dist-tags': object;
    };
    const tarball = await fetch(`${proxy.url}/debug/-/debug-4.4.2.tgz`);
    const log = (await (await fetch(`${proxy.url}/-/bulwark/decisions?package=debug`)).json()) as {
      decisions: Array<Record<string, string>>;
    };

    expect([Object.keys(doc.versions), doc['dist-tags']]).toEqual([
      ['4.4.1', '4.4.2'],
      { latest: '4.4.2' },
    ]);
    expect(tarball.status).toBe(200);
    expect(log.decisions.map((d) => [d.decision, d.version, d.rule, d.advisory, d.reason])).toEqual(
      [
        [
          'warned',
          '4.4.2',
          'malicious',
          'MAL-2025-46974',
          'monitor, would block: debug@4.4.2 is a known malicious package (MAL-2025-46974)',
        ],
      ],
    );
  });
});
