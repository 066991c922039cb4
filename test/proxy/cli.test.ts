import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSqliteMetadataStore } from '../../src/proxy/store/sqlite-metadata-store.js';
import { repoRoot } from '../helpers/shared.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, tempDir } from './helpers/proxy.js';

/** Start `bulwark proxy` and resolve with its URL once it says it is listening. */
function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'proxy', ...args], {
    cwd: repoRoot,
    env,
  });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /bulwark proxy listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('close', (code) => reject(new Error(`bulwark proxy exited with ${code}: ${stderr}`)));
  });
  // A run that is expected to fail never awaits the URL.
  url.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return { child, url, exited, stderr: () => stderr };
}

describe('bulwark proxy command', () => {
  let upstream: NpmUpstream;
  const dir = tempDir('proxy-cli');

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-good', version: '1.0.0', ageDays: 30 }]);
  });

  afterAll(async () => {
    await upstream.close();
    dir.remove();
  });

  it("takes the upstream from npm's configuration and stops cleanly on SIGTERM", async () => {
    const npmrc = join(dir.path, 'npmrc');
    writeFileSync(npmrc, `registry=${upstream.url}/\n`);
    const env = cleanEnv({ NPM_CONFIG_USERCONFIG: npmrc, XDG_CACHE_HOME: join(dir.path, 'cache') });
    const cli = startCli(['--port', '0', '--without-advisories', '--log-level', 'warn'], env);

    const url = await cli.url;
    const health = (await (await fetch(`${url}/-/bulwark/health`)).json()) as Record<
      string,
      unknown
    >;
    const packument = await fetch(`${url}/fixture-good`);
    cli.child.kill('SIGTERM');

    expect(health.npmUpstream).toBe(`${upstream.url}/`.replace(/\/$/, ''));
    expect(packument.status).toBe(200);
    expect(await cli.exited).toBe(0);
  });

  it('writes the allowed decisions still waiting when stopped with SIGHUP', async () => {
    const storage = join(dir.path, 'hup-store');
    const env = cleanEnv({ XDG_CACHE_HOME: join(dir.path, 'cache') });
    const cli = startCli(
      [
        ...['--port', '0', '--without-advisories', '--log-level', 'warn'],
        ...['--upstream', upstream.url, '--storage', storage],
      ],
      env,
    );

    const url = await cli.url;
    const tarball = await fetch(`${url}/fixture-good/-/fixture-good-1.0.0.tgz`, {
      headers: { 'user-agent': 'npm/10.8.2' },
    });
    cli.child.kill('SIGHUP');
    const code = await cli.exited;
    const store = createSqliteMetadataStore(join(storage, 'proxy.sqlite'));
    const rows = await store.decisions({ package: 'fixture-good' });
    await store.close();

    expect([tarball.status, code]).toEqual([200, 0]);
    expect(rows.map((r) => [r.client, r.version, r.decision, r.count])).toEqual([
      ['127.0.0.1 npm/10.8.2', '1.0.0', 'allowed', 1],
    ]);
  });

  it('refuses to start without an advisory database unless told to', async () => {
    const env = cleanEnv({ XDG_CACHE_HOME: join(dir.path, 'empty-cache'), BULWARK_DB: '' });
    const cli = startCli(['--port', '0', '--upstream', upstream.url], env);

    const code = await cli.exited;

    expect([code, cli.stderr().split('\n')[0]]).toEqual([
      2,
      expect.stringContaining('no advisory database at'),
    ]);
    expect(cli.stderr()).toContain('no advisory database at');
    expect(cli.stderr()).toContain('pass --without-advisories');
  });
});
