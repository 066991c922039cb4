import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../src/proxy/policy/config.js';
import { noAdvisories } from '../../src/proxy/policy/engine.js';
import { startProxy, type RunningProxy } from '../../src/proxy/server.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { capturingLog } from './helpers/log.js';
import { tempDir } from './helpers/proxy.js';
import { closedPort } from './helpers/recorder.js';

/** A proxy whose log lines are kept in `lines`. */
async function proxyWithLog(
  npmUpstream: string,
  pypiUpstream?: string,
  settings: Record<string, unknown> = {},
): Promise<RunningProxy & { lines: string[] }> {
  const { log, raw } = capturingLog('info');
  const proxy = await startProxy({
    config: proxyConfigSchema.parse({ port: 0, upstreamTimeout: '2s', ...settings }),
    storageDir: tempDir('proxy-creds').path,
    npmUpstream,
    pypiUpstream,
    advisories: noAdvisories,
    log,
  });
  return { ...proxy, lines: raw };
}

describe('upstream credentials are never shown', () => {
  let port: number;
  let proxy: Awaited<ReturnType<typeof proxyWithLog>>;

  beforeAll(async () => {
    port = await closedPort();
    proxy = await proxyWithLog(
      `http://user:hunter2@127.0.0.1:${port}/`,
      `http://user:hunter2@127.0.0.1:${port}/simple/`,
    );
  });

  afterAll(async () => {
    await proxy.close();
  });

  it('masks the password in 502 bodies of packuments, search and PyPI pages', async () => {
    const bodies = [];
    for (const path of ['/fixture-ok', '/-/v1/search?text=x', '/-/pypi/simple/requests/']) {
      const res = await fetch(`${proxy.url}${path}`);
      bodies.push([res.status, await res.text()]);
    }
    const refused = `connect ECONNREFUSED 127.0.0.1:${port}`;
    expect(bodies).toEqual([
      [
        502,
        JSON.stringify({
          error: `Bulwark could not use the upstream registry: upstream unreachable for http://user:***@127.0.0.1:${port}/fixture-ok: ${refused}`,
        }),
      ],
      [
        502,
        JSON.stringify({
          error: `Bulwark could not use the upstream registry: upstream unreachable for http://user:***@127.0.0.1:${port}/-/v1/search?text=***: ${refused}`,
        }),
      ],
      [
        502,
        JSON.stringify({
          error: `Bulwark could not use the upstream registry: upstream unreachable for http://user:***@127.0.0.1:${port}/simple/requests/: ${refused}`,
        }),
      ],
    ]);
  });

  it('masks the password in the health endpoint', async () => {
    const health = (await (await fetch(`${proxy.url}/-/bulwark/health`)).json()) as Record<
      string,
      unknown
    >;
    expect([health.npmUpstream, health.pypiUpstream]).toEqual([
      `http://user:***@127.0.0.1:${port}`,
      `http://user:***@127.0.0.1:${port}/simple/`,
    ]);
  });

  it('masks the password in every log line', async () => {
    await fetch(`${proxy.url}/fixture-log`);
    proxy.runtime.log.warn({ err: `failed for http://user:hunter2@h/x?token=SECRET` }, 'field');
    proxy.runtime.log.flush?.();
    const warning = proxy.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.path === '/fixture-log' && line.level === 40);
    expect(warning?.msg).toBe(
      `upstream unreachable for http://user:***@127.0.0.1:${port}/fixture-log: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(proxy.lines.filter((line) => /hunter2|SECRET/.test(line))).toEqual([]);
    expect(
      proxy.lines.some((line) => line.includes('"err":"failed for http://user:***@h/x?token=***"')),
    ).toBe(true);
  });

  it('masks a token given as the user name', async () => {
    const tokened = await proxyWithLog(`http://tok3n@127.0.0.1:${port}`);
    const res = await fetch(`${tokened.url}/fixture-ok`);
    const health = (await (await fetch(`${tokened.url}/-/bulwark/health`)).json()) as Record<
      string,
      unknown
    >;
    await tokened.close();
    expect([res.status, await res.text(), health.npmUpstream]).toEqual([
      502,
      JSON.stringify({
        error: `Bulwark could not use the upstream registry: upstream unreachable for http://***@127.0.0.1:${port}/fixture-ok: connect ECONNREFUSED 127.0.0.1:${port}`,
      }),
      `http://***@127.0.0.1:${port}`,
    ]);
  });
});

describe('a token in a tarball URL is never shown', () => {
  let upstream: NpmUpstream;
  let proxy: Awaited<ReturnType<typeof proxyWithLog>>;

  beforeAll(async () => {
    upstream = await startNpmUpstream([
      {
        name: 'fixture-tokened',
        version: '1.0.0',
        ageDays: 30,
        tarballUrl: 'BASE/gone/-/fixture-tokened-1.0.0.tgz?token=SECRET',
      },
    ]);
    proxy = await proxyWithLog(upstream.url);
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('masks the query value in the 502 body and the log', async () => {
    const res = await fetch(`${proxy.url}/fixture-tokened/-/fixture-tokened-1.0.0.tgz`);
    proxy.runtime.log.flush?.();
    expect([res.status, await res.text()]).toEqual([
      502,
      JSON.stringify({
        error: `Bulwark could not use the upstream registry: upstream answered 404 for ${upstream.url}/gone/-/fixture-tokened-1.0.0.tgz?token=***`,
      }),
    ]);
    expect(proxy.lines.filter((line) => line.includes('SECRET'))).toEqual([]);
  });
});
