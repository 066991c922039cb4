import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { noAdvisories } from '../../src/proxy/policy/engine.js';
import { startProxy } from '../../src/proxy/server.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { capturingLog } from './helpers/log.js';
import { tempDir } from './helpers/proxy.js';

describe('a stored tarball changed on disk', () => {
  let upstream: NpmUpstream;
  const storage = tempDir('tampered-blob');

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-tamper', version: '1.0.0', ageDays: 30 }]);
  });

  afterAll(async () => {
    await upstream.close();
    storage.remove();
  });

  const start = (log: pino.Logger): ReturnType<typeof startProxy> =>
    startProxy({
      config: proxyConfigSchema.parse({ port: 0, upstreamTimeout: '2s' }),
      storageDir: storage.path,
      npmUpstream: upstream.url,
      advisories: noAdvisories,
      log,
    });

  it('is checked against its digest after a restart, deleted, and fetched again', async () => {
    const path = '/fixture-tamper/-/fixture-tamper-1.0.0.tgz';
    const first = await start(pino({ level: 'silent' }));
    const original = Buffer.from(await (await fetch(`${first.url}${path}`)).arrayBuffer());
    await first.close();

    const dir = join(storage.path, 'blobs', 'sha512');
    const fan = readdirSync(dir)[0];
    const name = readdirSync(join(dir, fan))[0];
    const blob = join(dir, fan, name);
    writeFileSync(blob, 'EVIL');
    upstream.requests.length = 0;

    const { log, lines } = capturingLog('warn');
    const second = await start(log);
    const res = await fetch(`${second.url}${path}`);
    const body = Buffer.from(await res.arrayBuffer());
    await second.close();

    expect([res.status, body.equals(original), body.toString('utf8') === 'EVIL']).toEqual([
      200,
      true,
      false,
    ]);
    // The packument comes from the store; only the tarball is fetched again.
    expect(upstream.requests).toEqual([path]);
    expect(readFileSync(blob).equals(original)).toBe(true);
    expect(lines.map((l) => [l.level, l.path, l.msg])).toEqual([
      [
        40,
        blob,
        `stored file ${blob} does not match its digest; deleted it and fetching it again from the upstream`,
      ],
    ]);
  });
});
