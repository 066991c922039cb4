import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { noAdvisories } from '../../src/proxy/policy/engine.js';
import { startProxy } from '../../src/proxy/server.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { capturingLog } from './helpers/log.js';
import { tempDir } from './helpers/proxy.js';

describe('a proxy.sqlite damaged past the startup check', () => {
  let upstream: NpmUpstream;
  const storage = tempDir('damaged-db-runtime');

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-pages', version: '1.0.0', ageDays: 30 }]);
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

  it('answers 503 with a short reason, logs the file and what to do once, and marks the store damaged', async () => {
    const first = await start(pino({ level: 'silent' }));
    expect((await fetch(`${first.url}/fixture-pages`)).status).toBe(200);
    await first.close();

    // Page 2 is the metadata table's root page: garbage there is found only when it is read.
    const file = join(storage.path, 'proxy.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096);
    closeSync(fd);

    const { log, lines } = capturingLog('error');
    const second = await start(log);
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${second.url}/fixture-pages`);
      answers.push([res.status, await res.json()]);
    }
    const damaged = second.runtime.store.damaged;
    const health = await fetch(`${second.url}/-/bulwark/health`);
    const healthBody = (await health.json()) as { status: string; storeDamaged: boolean };
    await second.close();

    const reason = {
      error:
        "Bulwark's cache database is damaged (database disk image is malformed); the proxy's operator must move it aside, as its log says",
    };
    expect(answers).toEqual([
      [503, reason],
      [503, reason],
    ]);
    expect(damaged).toBe(true);
    expect([health.status, healthBody.status, healthBody.storeDamaged]).toEqual([
      503,
      'damaged',
      true,
    ]);
    expect(lines.map((l) => [l.level, l.file, l.msg])).toEqual([
      [
        50,
        file,
        `${file} is damaged (database disk image is malformed); stop the proxy and move it aside to start with an empty cache and decision log`,
      ],
    ]);
  });
});
