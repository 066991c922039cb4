import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { Command } from 'commander';
import pino from 'pino';

import { advisoryDbPath } from '../advisories/index.js';
import { loadConfig } from '../core/config-load.js';
import { usageError as plainUsageError } from '../core/errors.js';
import {
  defaultProxyStorage,
  npmConfiguredRegistry,
  pipConfiguredIndex,
} from '../proxy/client-config.js';
import { parseSince } from '../proxy/ops.js';
import { openAdvisorySource } from '../proxy/policy/advisory-db-source.js';
import { proxyConfigSchema, type ProxyConfig } from '../proxy/policy/config.js';
import { noAdvisories } from '../proxy/policy/engine.js';
import type { AdvisorySource } from '../proxy/policy/types.js';
import { startProxy } from '../proxy/server.js';
import { redactUrls } from '../proxy/url-redact.js';
import { DamagedStoreError } from '../proxy/store/damaged-storage.js';
import { createSqliteMetadataStore } from '../proxy/store/sqlite-metadata-store.js';
import type { DecisionRecord } from '../proxy/store/types.js';

/**
 * A usage error whose text has the password and query values of every URL in it masked: the
 * messages echo upstream URLs, which may carry credentials.
 */
function usageError(message: string, hint?: string): ReturnType<typeof plainUsageError> {
  return plainUsageError(redactUrls(message), hint === undefined ? undefined : redactUrls(hint));
}

/** Flags of `bulwark proxy`. */
interface ProxyFlags {
  port?: string;
  host?: string;
  upstream?: string;
  pypiUpstream?: string;
  publicUrl?: string;
  config?: string;
  storage?: string;
  db?: string;
  dryRun?: boolean;
  withoutAdvisories?: boolean;
  logLevel: string;
}

/** Add `bulwark proxy` (serve) and `bulwark proxy log` to the program. */
export function registerProxyCommand(program: Command): void {
  const proxy = program
    .command('proxy')
    .description(
      'run the package firewall: an npm and PyPI registry that enforces the proxy policy',
    )
    .option('--port <port>', 'port to listen on (default 4873)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--upstream <url>', "npm registry to fetch from (default: the npm client's registry)")
    .option('--pypi-upstream <url>', "PyPI simple index to fetch from (default: pip's index-url)")
    .option(
      '--public-url <url>',
      'URL clients reach the proxy at, behind a reverse proxy or prefix',
    )
    .option('--config <file>', 'bulwark.yaml to read the proxy section from')
    .option('--storage <dir>', 'cache directory (default: ~/.cache/bulwark/proxy)')
    .option('--db <file>', 'advisory database (default: BULWARK_DB or the user cache)')
    .option('--dry-run', 'log what would be blocked and block nothing')
    .option(
      '--without-advisories',
      'run with no advisory database: no vulnerability or malware checks',
    )
    .option('--log-level <level>', 'pino level: debug, info, warn, error', 'info')
    .action(async (flags: ProxyFlags) => serve(flags));

  proxy
    .command('log')
    .description('show the decision log: what was allowed, warned about or blocked')
    .option('--since <age>', 'only decisions newer than this: 30m, 1h, 2d', '24h')
    .option('--decision <kind>', 'only allowed, warned or blocked')
    .option('--package <name>', 'only this package')
    .option('--json', 'print JSON')
    .option('--config <file>', 'bulwark.yaml to read the proxy section from')
    .option('--storage <dir>', 'cache directory (default: ~/.cache/bulwark/proxy)')
    .action(async (_flags: LogFlags, command: Command) =>
      // --config and --storage are also options of `proxy`, which may have taken them.
      printLog(command.optsWithGlobals<LogFlags>()),
    );
}

/** The flag that sets each `proxy` setting, for messages about a bad value. */
const FLAG_OF: Readonly<Record<string, string>> = {
  upstream: '--upstream',
  pypiUpstream: '--pypi-upstream',
  publicUrl: '--public-url',
  host: '--host',
  storage: '--storage',
  advisoryDb: '--db',
};

/** The log levels pino knows. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** What each flag that takes a value needs, for the message when it is given empty (`--storage=`). */
const NEEDS: ReadonlyArray<readonly [keyof ProxyFlags | keyof LogFlags, string, string]> = [
  ['config', '--config', 'a file'],
  ['storage', '--storage', 'a directory'],
  ['db', '--db', 'a file'],
  ['upstream', '--upstream', 'a URL'],
  ['pypiUpstream', '--pypi-upstream', 'a URL'],
  ['publicUrl', '--public-url', 'a URL'],
  ['host', '--host', 'an address'],
  ['decision', '--decision', 'allowed, warned or blocked'],
  ['package', '--package', 'a package name'],
];

/**
 * Refuse a flag given an empty value: `--storage=` would otherwise mean the current folder and
 * `--config=` no file at all, silently.
 */
function refuseEmpty(flags: Partial<ProxyFlags> & Partial<LogFlags>): void {
  for (const [key, flag, what] of NEEDS) {
    const value = (flags as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() === '') throw usageError(`${flag} needs ${what}`);
  }
}

function settings(flags: { config?: string; storage?: string } & Partial<ProxyFlags>): ProxyConfig {
  refuseEmpty(flags);
  const loaded = loadConfig(process.cwd(), flags.config);
  // Paths written in bulwark.yaml are relative to the file, wherever the proxy is started from.
  const fromFile = (path: string | undefined): string | undefined =>
    path === undefined || loaded.file === undefined ? path : resolve(dirname(loaded.file), path);
  const base = {
    ...loaded.config.proxy,
    storage: fromFile(loaded.config.proxy.storage),
    advisoryDb: fromFile(loaded.config.proxy.advisoryDb),
  };
  // Only plain decimal digits: Number() would also take '' (0), '0x50' (80) and '1e3' (1000).
  const port = flags.port === undefined ? base.port : Number(flags.port);
  if (flags.port !== undefined && (!/^\d{1,5}$/.test(flags.port) || port > 65535))
    throw usageError(
      `--port must be a whole number from 0 to 65535, not ${JSON.stringify(flags.port)}`,
    );
  const parsed = proxyConfigSchema.safeParse({
    ...base,
    port,
    // `[::1]` is how an IPv6 address is written in a URL; listening takes it without brackets.
    host: (flags.host ?? base.host).replace(/^\[([0-9a-f:.]*)\]$/i, '$1'),
    upstream: flags.upstream ?? base.upstream,
    pypiUpstream: flags.pypiUpstream ?? base.pypiUpstream,
    publicUrl: flags.publicUrl ?? base.publicUrl,
    storage: flags.storage ?? base.storage,
    advisoryDb: flags.db ?? base.advisoryDb,
    dryRun: flags.dryRun === true || base.dryRun,
  });
  if (parsed.success) {
    refuseQuery(parsed.data);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0] ?? '');
  const value = (flags as Record<string, unknown>)[key === 'advisoryDb' ? 'db' : key];
  const flag = FLAG_OF[key] ?? `proxy.${key}`;
  const example =
    key === 'pypiUpstream'
      ? 'https://pypi.org/simple/'
      : key === 'publicUrl'
        ? 'https://packages.example.com/'
        : 'https://registry.npmjs.org/';
  const isUrl = key.endsWith('pstream') || key === 'publicUrl';
  // A URL of another scheme (ftp://, file://) parses: say what is wrong with it, not "Invalid URL".
  if (isUrl && typeof value === 'string' && URL.canParse(value))
    throw usageError(
      `${flag} ${JSON.stringify(value)} must be an http:// or https:// URL, for example ${flag} ${example}`,
    );
  const fix = isUrl ? `; pass a full http:// or https:// URL, for example ${flag} ${example}` : '';
  throw usageError(`${flag} ${JSON.stringify(value ?? '')} is not valid: ${issue.message}${fix}`);
}

/**
 * Refuse an upstream URL with a query string or fragment: package paths are appended to the
 * upstream URL, so they would land inside the query (`/?token=x/lodash`).
 */
function refuseQuery(config: ProxyConfig): void {
  for (const key of ['upstream', 'pypiUpstream'] as const) {
    const value = config[key];
    if (value === undefined) continue;
    const url = new URL(value);
    if (url.search === '' && url.hash === '') continue;
    throw usageError(
      `${FLAG_OF[key]} ${JSON.stringify(value)} has a query string or fragment, and package paths are added to the end of the upstream URL`,
      `give the registry's base URL without ?... or #...; a login goes before its host, as user:password@`,
    );
  }
}

/**
 * Make sure the storage directory can hold the cache: create it (one level at a time; Node's
 * recursive mkdir never returns for a missing folder under /proc) and write a probe file.
 */
function prepareStorage(dir: string): string {
  const hint = 'pass --storage <a writable directory> (or set proxy.storage in bulwark.yaml)';
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw usageError(`the proxy storage ${dir} is a file, not a directory; ${hint}`);
  try {
    const missing: string[] = [];
    for (let d = resolve(dir); !existsSync(d) && dirname(d) !== d; d = dirname(d))
      missing.unshift(d);
    for (const folder of missing) mkdirSync(folder);
    const probe = join(dir, `.bulwark-write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw usageError(`the proxy storage ${dir} cannot be written to (${code}); ${hint}`);
  }
  return dir;
}

/** A listen failure as a usage error naming the address and what to do. */
function listenError(error: unknown, config: ProxyConfig): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${config.host}:${config.port}`;
  if (code === 'EADDRINUSE')
    return usageError(
      `port ${config.port} on ${config.host} is already in use; stop the program using it, or pass --port <another port>`,
    );
  if (code === 'EACCES')
    return usageError(
      `not allowed to listen on ${where}; ports below 1024 need privileges: pass --port 1024 or above`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return usageError(
      `cannot listen on ${where}: ${config.host} is not an address of this machine; pass --host 127.0.0.1, or 0.0.0.0 for every interface`,
    );
  return error;
}

async function serve(flags: ProxyFlags): Promise<void> {
  const config = settings(flags);
  const configured = config.upstream === undefined ? npmConfiguredRegistry() : undefined;
  const npmUpstream = config.upstream ?? configured?.registry;
  // npm will not show a registry setting that holds credentials; its URL is never printed here.
  if (!npmUpstream && configured?.hidden)
    throw usageError(
      'npm will not reveal its registry setting because it holds credentials; pass --upstream <url>',
    );
  if (!npmUpstream)
    throw usageError('no npm upstream: npm has no registry configured', 'pass --upstream <url>');
  const pypiUpstream = config.pypiUpstream ?? pipConfiguredIndex();
  if (!LOG_LEVELS.includes(flags.logLevel))
    throw usageError(
      `--log-level ${JSON.stringify(flags.logLevel)} is not a log level; pass one of ${LOG_LEVELS.join(', ')}`,
    );
  const storageDir = prepareStorage(config.storage ?? defaultProxyStorage());
  const log = pino({ level: flags.logLevel }, pino.destination({ dest: 2, sync: false }));
  const { source, close } = advisories(config, flags.withoutAdvisories === true);

  let running;
  try {
    running = await startProxy({
      config,
      storageDir,
      npmUpstream,
      pypiUpstream,
      advisories: source,
      log,
    });
  } catch (error) {
    close();
    throw listenError(error, config);
  }
  if (!pypiUpstream)
    log.warn('PyPI side off: pip has no index-url configured; pass --pypi-upstream <url>');
  // The upstream URLs may carry a password (`https://ci:token@registry.example.com/`).
  log.info(
    {
      url: redactUrls(running.url),
      npmUpstream: redactUrls(npmUpstream),
      pypiUpstream: pypiUpstream === undefined ? undefined : redactUrls(pypiUpstream),
      dryRun: config.dryRun,
    },
    'bulwark proxy listening',
  );
  process.stderr.write(
    redactUrls(`bulwark proxy listening on ${running.url} (npm upstream ${npmUpstream})\n`),
  );

  await new Promise<void>((resolve) => {
    // A closed terminal (SIGHUP) stops the proxy like Ctrl-C, writing the decisions still waiting.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const stop = (): void => {
      for (const signal of signals) process.off(signal, stop);
      void running.close().then(() => {
        close();
        resolve();
      });
    };
    for (const signal of signals) process.on(signal, stop);
  });
}

function advisories(
  config: ProxyConfig,
  without: boolean,
): { source: AdvisorySource; close: () => void } {
  if (without) return { source: noAdvisories, close: () => undefined };
  const path = advisoryDbPath(config.advisoryDb);
  if (!existsSync(path)) {
    throw usageError(
      `no advisory database at ${path}: the proxy cannot check vulnerabilities or malware`,
      'create it with `bulwark db import <dir>` or `bulwark db update`, or pass --without-advisories',
    );
  }
  const { source, db } = openAdvisorySource(path);
  return { source, close: () => db.close() };
}

/** Flags of `bulwark proxy log`. */
interface LogFlags {
  since: string;
  decision?: string;
  package?: string;
  json?: boolean;
  config?: string;
  storage?: string;
}

async function printLog(flags: LogFlags): Promise<void> {
  refuseEmpty(flags);
  const since = parseSince(flags.since);
  if (since === undefined)
    throw usageError(`--since must look like 30m, 1h or 2d, not ${JSON.stringify(flags.since)}`);
  if (flags.decision && !['allowed', 'warned', 'blocked'].includes(flags.decision)) {
    throw usageError('--decision must be allowed, warned or blocked');
  }
  const config = settings(flags);
  const file = join(config.storage ?? defaultProxyStorage(), 'proxy.sqlite');
  if (!existsSync(file))
    throw usageError(
      `no proxy decision log at ${file}`,
      'run `bulwark proxy` first, or pass --storage',
    );
  const store = createSqliteMetadataStore(file);
  let rows;
  try {
    rows = await store.decisions({
      since: Date.now() - since,
      decision: flags.decision as DecisionRecord['decision'] | undefined,
      package: flags.package,
      limit: 10_000,
    });
  } catch (error) {
    // A database damaged past the start-up check: one line saying what to do, exit 2.
    if (error instanceof DamagedStoreError) throw usageError(error.message);
    throw error;
  } finally {
    await store.close().catch(() => undefined);
  }
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify(
        rows.map((r) => ({ ...r, time: new Date(r.time).toISOString() })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (rows.length === 0) {
    // Say so on stderr, so that an empty log is not mistaken for a command that did nothing.
    const kind = flags.decision ? `${flags.decision} ` : '';
    const of = flags.package ? ` for ${flags.package}` : '';
    process.stderr.write(`no ${kind}decisions${of} in the last ${flags.since.trim()}\n`);
    return;
  }
  for (const row of rows) process.stdout.write(`${formatRow(row)}\n`);
}

/**
 * One decision as a line: time, decision, package@version, how many requests when a row folds
 * several (`x50`), rule, advisory, client, reason.
 */
export function formatRow(row: DecisionRecord): string {
  const parts = [
    new Date(row.time).toISOString(),
    row.decision.padEnd(7),
    `${row.ecosystem}:${row.package}@${row.version}`,
  ];
  if (row.count !== undefined && row.count > 1) parts.push(`x${row.count}`);
  if (row.rule) parts.push(row.rule);
  if (row.advisory) parts.push(row.advisory);
  parts.push(`(${row.client})`);
  if (row.reason) parts.push(`- ${row.reason}`);
  return parts.join(' ');
}
