import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';

import pino from 'pino';

import { proxyConfigSchema } from '../../../src/proxy/policy/config.js';
import { noAdvisories } from '../../../src/proxy/policy/engine.js';
import type { AdvisorySource } from '../../../src/proxy/policy/types.js';
import { startProxy, type RunningProxy } from '../../../src/proxy/server.js';

/** A temporary directory removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `bulwark-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Start a proxy on a free loopback port with a temp store and the given `proxy:` settings. */
export async function startTestProxy(
  npmUpstream: string,
  settings: Record<string, unknown> = {},
  options: {
    advisories?: AdvisorySource;
    storageDir?: string;
    pypiUpstream?: string;
    now?: () => number;
  } = {},
): Promise<RunningProxy & { storageDir: string }> {
  const storageDir = options.storageDir ?? tempDir('proxy-store').path;
  const config = proxyConfigSchema.parse({ port: 0, upstreamTimeout: '2s', ...settings });
  const proxy = await startProxy({
    config,
    storageDir,
    npmUpstream,
    pypiUpstream: options.pypiUpstream,
    advisories: options.advisories ?? noAdvisories,
    log: pino({ level: 'silent' }),
    now: options.now,
  });
  return { ...proxy, storageDir };
}

/** Result of running a package client. */
export interface ClientRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment for a client: the machine's, minus any npm settings inherited from a parent npm. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && !/^(PIP_|PNPM_|YARN_)/i.test(key)) env[key] = value;
  }
  return { ...env, NO_UPDATE_NOTIFIER: '1', ...extra };
}

/** Run a command, resolving with its exit code and output (never rejecting on failure). */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = cleanEnv(),
): Promise<ClientRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A project directory with a package.json and isolated npm cache and config files. */
export function npmProject(dependencies: Record<string, string>): {
  dir: string;
  npmArgs(registry: string): string[];
  remove: () => void;
} {
  const { path, remove } = tempDir('npm-project');
  const dir = join(path, 'app');
  const home = join(path, 'home');
  for (const d of [dir, home]) mkdirSync(d, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, dependencies }),
  );
  writeFileSync(join(home, 'npmrc'), '');
  return {
    dir,
    npmArgs: (registry) => [
      `--registry=${registry}/`,
      `--cache=${join(home, 'cache')}`,
      `--userconfig=${join(home, 'npmrc')}`,
      `--globalconfig=${join(home, 'global-npmrc')}`,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--fetch-retries=0',
      '--loglevel=error',
    ],
    remove,
  };
}
