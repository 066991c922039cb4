import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { noAdvisories } from '../../src/proxy/policy/engine.js';
import { startProxy } from '../../src/proxy/server.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy, tempDir } from './helpers/proxy.js';

const NAMES = ['fixture-a', 'fixture-b', 'fixture-c', 'fixture-d', 'fixture-e'];

describe('stopping the proxy with requests in flight', () => {
  let upstream: NpmUpstream;
  let relay: Server;
  let relayUrl = '';
  const tarballsAsked: string[] = [];

  beforeAll(async () => {
    upstream = await startNpmUpstream(
      NAMES.map((name) => ({ name, version: '1.0.0', ageDays: 30 })),
    );
    // A registry in front of the fixture that answers tarballs after 300 ms, with packuments
    // pointing their tarballs at itself.
    relay = createServer((req, res) => {
      const path = req.url ?? '/';
      void fetch(`${upstream.url}${path}`).then(async (answer) => {
        let body = Buffer.from(await answer.arrayBuffer());
        const type = answer.headers.get('content-type') ?? 'application/octet-stream';
        if (path.endsWith('.tgz')) {
          tarballsAsked.push(path);
          await new Promise((resolve) => setTimeout(resolve, 300));
        } else {
          body = Buffer.from(body.toString('utf8').replaceAll(upstream.url, relayUrl));
        }
        res.writeHead(answer.status, { 'content-type': type });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    relay.closeAllConnections();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
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
