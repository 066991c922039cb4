import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import type { Recorder } from './helpers/recorder.js';
import { startRelay } from './helpers/relay.js';
import { startTestProxy } from './helpers/proxy.js';

const ELSEWHERE = '127.0.0.1:9';
const REASON = `the upstream places its tarball on ${ELSEWHERE}, which is neither the upstream's own origin nor in proxy.tarballHosts`;

describe('a tarball the packument moves to a host not allowed', () => {
  let upstream: NpmUpstream;
  let relay: Recorder;
  let relayUrl = '';
  /** When set, packuments place the tarball on ELSEWHERE (with a login in its URL). */
  let offHost = false;

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-moved', version: '1.0.0', ageDays: 30 }]);
    // A registry in front of the fixture that can move the tarball of its packument elsewhere.
    relay = await startRelay(upstream.url, {
      tarballsAt: (relayUrl) => (offHost ? `http://ci:s3cret@${ELSEWHERE}/cdn` : relayUrl),
    });
    relayUrl = relay.url;
  });

  afterAll(async () => {
    await relay.close();
    await upstream.close();
  });

  it('is refused with 502 and a blocked integrity row, even with its bytes already cached', async () => {
    // metadataTtl 0: every request fetches the packument again.
    const proxy = await startTestProxy(relayUrl, { metadataTtl: 0 });
    const path = `${proxy.url}/fixture-moved/-/fixture-moved-1.0.0.tgz`;
    const before = await fetch(path);
    const beforeStatus = [before.status, (await before.arrayBuffer()).byteLength > 100];
    offHost = true;
    const after = await fetch(path);
    const afterAnswer = [after.status, await after.json()];
    const rows = await proxy.runtime.store.decisions({});
    await proxy.close();

    expect(beforeStatus).toEqual([200, true]);
    expect(afterAnswer).toEqual([502, { error: `Bulwark refused fixture-moved@1.0.0: ${REASON}` }]);
    expect(rows.map((r) => [r.package, r.version, r.decision, r.rule, r.reason])).toEqual([
      ['fixture-moved', '1.0.0', 'blocked', 'integrity', REASON],
      ['fixture-moved', '1.0.0', 'allowed', undefined, undefined],
    ]);
  });
});
