import { join } from 'node:path';

import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { noAdvisories } from '../../src/proxy/policy/engine.js';
import { startProxy } from '../../src/proxy/server.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import type { Recorder } from './helpers/recorder.js';
import { startRelay } from './helpers/relay.js';
import { startTestProxy, tempDir } from './helpers/proxy.js';

const NAMES = ['fixture-a', 'fixture-b', 'fixture-c', 'fixture-d', 'fixture-e'];

describe('stopping the proxy with requests in flight', () => {
  let upstream: NpmUpstream;
  let relay: Recorder;
  let relayUrl = '';
  const tarballsAsked: string[] = [];

  beforeAll(async () => {
    upstream = await startNpmUpstream(
      NAMES.map((name) => ({ name, version: '1.0.0', ageDays: 30 })),
    );
    // A registry in front of the fixture that answers tarballs after 300 ms, with packuments
    // pointing their tarballs at itself.
    relay = await startRelay(upstream.url, {
      tarballDelayMs: 300,
      onTarball: (path) => tarballsAsked.push(path),
    });
    relayUrl = relay.url;
  });

  afterAll(async () => {
    await relay.close();
    await upstream.close();
  });

  it('answers them and logs one decision row per tarball served before it closes the log', async () => {
    const proxy = await startTestProxy(relayUrl);
    const answers = NAMES.map(async (name) => {
      const res = await fetch(`${proxy.url}/${name}/-/${name}-1.0.0.tgz`);
      return [name, res.status, (await res.arrayBuffer()).byteLength > 100];
    });
    // Stop once every tarball download has started (each is held 300 ms by the relay).
    while (tarballsAsked.length < NAMES.length)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const refusedAfterStop = proxy.close().then(() =>
      fetch(`${proxy.url}/-/ping`).then(
        () => 'answered',
        () => 'refused',
      ),
    );

    expect(await Promise.all(answers)).toEqual(NAMES.map((name) => [name, 200, true]));
    expect(await refusedAfterStop).toBe('refused');
    const db = new Database(join(proxy.storageDir, 'proxy.sqlite'), { readonly: true });
    const rows = db
      .prepare('SELECT package, version, decision, count FROM decisions ORDER BY package')
      .all();
    db.close();
    expect(rows).toEqual(
      NAMES.map((name) => ({ package: name, version: '1.0.0', decision: 'allowed', count: 1 })),
    );
  });

  it('cuts off a request still waiting on the upstream once drainMs has passed', async () => {
    const storage = tempDir('drain-bound');
    const proxy = await startProxy({
      config: proxyConfigSchema.parse({ port: 0, upstreamTimeout: '30s' }),
      storageDir: storage.path,
      npmUpstream: upstream.url,
      advisories: noAdvisories,
      log: pino({ level: 'silent' }),
      drainMs: 200,
    });
    upstream.mode = 'hang';
    upstream.requests.length = 0;
    try {
      const hanging = fetch(`${proxy.url}/fixture-a`).then(
        (res) => res.status,
        () => 'cut off',
      );
      while (!upstream.requests.includes('/fixture-a'))
        await new Promise((resolve) => setTimeout(resolve, 10));
      const begin = Date.now();
      await proxy.close();
      const took = Date.now() - begin;

      expect([await hanging, took >= 200 && took < 3000]).toEqual(['cut off', true]);
    } finally {
      upstream.mode = 'ok';
      storage.remove();
    }
  });
});
