import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import pino, { type Logger } from 'pino';

import { HttpError, sendJson, type RequestInfo } from './http.js';
import { ProxyMetrics } from './metrics.js';
import { ContentFacts } from './content-facts.js';
import { NpmHandler } from './npm/handler.js';
import { parseNpmPath } from './npm/routes.js';
import { createNpmPackages } from './npm/service.js';
import { durationMs, type ProxyConfig } from './policy/config.js';
import { PolicyEngine } from './policy/engine.js';
import type { AdvisorySource } from './policy/types.js';
import type { ProxyRuntime } from './runtime.js';
import { checkBlobRoot } from './store/damaged-storage.js';
import { createFsBlobStore } from './store/fs-blob-store.js';
import { createSqliteMetadataStore } from './store/sqlite-metadata-store.js';
import { createUpstreamClient, UpstreamError } from './upstream.js';
import { redactUrls } from './url-redact.js';
import { VerifiedFiles } from './verified-files.js';
import { PypiHandler } from './pypi/handler.js';
import { routeRequest } from './router.js';

/** What it takes to start a proxy. */
export interface ProxyOptions {
  config: ProxyConfig;
  /** Directory holding the cache database and blobs. */
  storageDir: string;
  /** npm registry to fetch from. */
  npmUpstream: string;
  /** PyPI simple index to fetch from; the PyPI side is off without one. */
  pypiUpstream?: string;
  advisories: AdvisorySource;
  log?: Logger;
  /** The clock used for policy (minimum age) and the decision log. */
  now?: () => number;
  /** How long `close` waits for requests in flight before it cuts their connections; 10 s. */
  drainMs?: number;
}

/** A running proxy. */
export interface RunningProxy {
  /** The loopback URL it listens on, without a trailing slash. */
  url: string;
  runtime: ProxyRuntime;
  close(): Promise<void>;
}

/** Build the runtime and start listening on the configured host and port. */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const runtime = createRuntime(options);
  await runtime.contentFacts.load();
  const inFlight = new InFlight();
  const server = createServer({ maxHeaderSize: 16 * 1024 }, handlerFor(runtime, inFlight));
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.config.port, options.config.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const drainMs = options.drainMs ?? 10_000;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    runtime,
    close: () => (closing ??= stop(server, runtime, inFlight, drainMs)),
  };
}

function createRuntime(options: ProxyOptions): ProxyRuntime {
  const { config } = options;
  const now = options.now ?? Date.now;
  const log = redactingLog(
    options.log ?? pino({ level: 'info' }, pino.destination({ dest: 2, sync: false })),
  );
  const upstream = createUpstreamClient(
    durationMs(config.upstreamTimeout),
    'bulwark-proxy',
    durationMs(config.upstreamBodyTimeout),
    [options.npmUpstream, ...(options.pypiUpstream ? [options.pypiUpstream] : [])],
  );
  const metrics = new ProxyMetrics();
  upstream.onTiming = (ms) => metrics.upstream(ms);
  checkBlobRoot(join(options.storageDir, 'blobs'));
  const store = createSqliteMetadataStore(join(options.storageDir, 'proxy.sqlite'), log);
  const blobs = createFsBlobStore(join(options.storageDir, 'blobs'));
  return {
    config,
    policy: new PolicyEngine(
      config.rules,
      config.dryRun,
      options.advisories,
      () => new Date(now()),
    ),
    store,
    blobs,
    contentFacts: new ContentFacts(store, (error) =>
      log.warn({ err: String(error) }, 'a fact learned from file contents could not be stored'),
    ),
    upstream,
    files: new VerifiedFiles(blobs, upstream, 48 * 1024 * 1024, 512 * 1024 * 1024, log),
    metrics,
    log,
    npmUpstream: options.npmUpstream.replace(/\/+$/, ''),
    pypiUpstream: options.pypiUpstream?.replace(/\/*$/, '/'),
    now,
  };
}

/**
 * A child of `log` whose every line has URL passwords, tokens and query values masked, in the
 * message and in every field, whoever logs it: pino's `streamWrite` hook, set on the child.
 */
function redactingLog(log: Logger): Logger {
  const child = log.child({});
  const hooks = (log as unknown as Record<symbol, { streamWrite?: (line: string) => string }>)[
    pino.symbols.hooksSym
  ];
  const inner = hooks.streamWrite;
  (child as unknown as Record<symbol, unknown>)[pino.symbols.hooksSym] = {
    ...hooks,
    streamWrite: (line: string) => redactUrls(inner ? inner(line) : line),
  };
  return child;
}

/** The requests being answered, so that a stop can wait for them. */
class InFlight {
  private count = 0;
  private idle: Array<() => void> = [];
  /** Called whenever a request ends; the stop uses it to close connections left idle. */
  onEnd: (() => void) | undefined;

  begin(): void {
    this.count++;
  }

  end(): void {
    this.count--;
    this.onEnd?.();
    if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves when no request is in flight. */
  drained(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}

function handlerFor(
  runtime: ProxyRuntime,
  inFlight: InFlight,
): (req: IncomingMessage, res: ServerResponse) => void {
  const npm = new NpmHandler(runtime, createNpmPackages(runtime, 96 * 1024 * 1024));
  const pypi = runtime.pypiUpstream ? new PypiHandler(runtime, runtime.pypiUpstream) : undefined;
  const started = runtime.now();
  const prefix = runtime.config.publicUrl
    ? new URL(runtime.config.publicUrl).pathname.replace(/\/+$/, '')
    : '';
  const logRequests = runtime.log.isLevelEnabled('info');
  return (req, res) => {
    const begin = performance.now();
    // A request is in flight until its handler is done and its answer is sent (or cut off).
    inFlight.begin();
    let open = 2;
    const settle = (): void => {
      if (--open === 0) inFlight.end();
    };
    res.once('close', settle);
    const info = requestInfo(runtime, req, res, prefix);
    routeRequest(info, runtime, { npm, parseNpmPath, pypi, started })
      .catch((error: unknown) => answerError(info, runtime, error))
      .finally(() => {
        settle();
        runtime.metrics.request(info.route, res.statusCode);
        if (!logRequests) return;
        runtime.log.info(
          {
            method: info.method,
            path: info.path.slice(0, 300),
            status: res.statusCode,
            ms: Math.round(performance.now() - begin),
            client: info.client,
            route: info.route,
          },
          'request',
        );
      });
  };
}

function requestInfo(
  runtime: ProxyRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  prefix: string,
): RequestInfo {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  let path = q === -1 ? raw : raw.slice(0, q);
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`)))
    path = path.slice(prefix.length) || '/';
  // The user agent's first word (`npm/10.8.2`), found without splitting the whole header.
  const userAgent = req.headers['user-agent'] ?? '';
  const space = userAgent.indexOf(' ');
  const agent = (space === -1 ? userAgent : userAgent.slice(0, space)).slice(0, 80);
  return {
    method: req.method ?? 'GET',
    path,
    query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
    client: `${req.socket.remoteAddress ?? 'unknown'} ${agent}`.trim(),
    base: publicBase(runtime, req),
    req,
    res,
    route: 'unknown',
  };
}

/** The base URL written into rewritten file URLs: --public-url, else the Host the client used. */
function publicBase(runtime: ProxyRuntime, req: IncomingMessage): string {
  if (runtime.config.publicUrl) return runtime.config.publicUrl.replace(/\/+$/, '');
  const host = req.headers.host;
  if (host && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host))
    return `http://${host}`;
  return `http://${runtime.config.host}:${runtime.config.port}`;
}

function answerError(info: RequestInfo, runtime: ProxyRuntime, error: unknown): void {
  if (info.res.headersSent) {
    info.res.destroy();
    return;
  }
  if (error instanceof HttpError)
    return sendJson(info, error.status, { error: error.message, ...error.extra });
  if (error instanceof UpstreamError) {
    runtime.log.warn({ path: info.path.slice(0, 300) }, error.message);
    if (error.kind === 'timeout')
      return sendJson(info, 504, {
        error: `Bulwark timed out reading the upstream: ${error.message}`,
      });
    return sendJson(info, 502, {
      error: `Bulwark could not use the upstream registry: ${error.message}`,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  runtime.log.error({ path: info.path.slice(0, 300), err: message }, 'internal error');
  sendJson(info, 500, { error: 'internal error in the Bulwark proxy; see its log' });
}

/**
 * Stop accepting connections, let the requests in flight finish (for at most `drainMs`, then
 * their connections are cut), and only then write the waiting decision rows and close the stores:
 * every answered request keeps its row.
 */
async function stop(
  server: Server,
  runtime: ProxyRuntime,
  inFlight: InFlight,
  drainMs: number,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request open are closed now, and each one as its request ends.
  server.closeIdleConnections();
  inFlight.onEnd = () => setImmediate(() => server.closeIdleConnections());
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([
    inFlight.drained().then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), drainMs);
    }),
  ]);
  clearTimeout(timer);
  if (late)
    runtime.log.warn(
      { drainMs },
      'requests still in flight at shutdown were cut off after waiting for them',
    );
  server.closeAllConnections();
  await closed;
  // The upstream client waits for its requests to end; after a cut-off, one of them may hang
  // until the upstream timeout, so it gets one more second and the stores are closed anyway.
  const upstreamClosed = runtime.upstream.close();
  if (late) {
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([
      upstreamClosed.catch(() => undefined),
      new Promise((resolve) => {
        wait = setTimeout(resolve, 1000);
        wait.unref();
      }),
    ]);
    clearTimeout(wait);
  } else {
    await upstreamClosed;
  }
  await runtime.store.close();
  runtime.log.flush?.();
}
