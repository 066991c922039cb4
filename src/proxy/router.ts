import { HttpError, sendJson, type RequestInfo } from './http.js';
import { bulkAudit } from './npm/audit.js';
import type { NpmHandler } from './npm/handler.js';
import type { NpmRoute } from './npm/routes.js';
import { PYPI_PREFIX, type PypiHandler } from './pypi/handler.js';
import { decisions, health, metrics } from './ops.js';
import type { ProxyRuntime } from './runtime.js';
import { DamagedStoreError } from './store/damaged-storage.js';

/** The handlers the router dispatches to. */
export interface Handlers {
  npm: NpmHandler;
  parseNpmPath(path: string): NpmRoute | undefined;
  /** Undefined when the PyPI side is off. */
  pypi?: PypiHandler;
  started: number;
}

/** The npm audit endpoint, the one route that takes POST. */
const AUDIT = '/-/npm/v1/security/advisories/bulk';

const READ_ONLY =
  'This registry is a read-only Bulwark firewall: publish, unpublish, login and other writes are refused. Publish to your upstream registry directly.';

/**
 * Dispatch a request by method and path. A damaged proxy database (found while running) is
 * answered 503 with a short reason; the log line naming the file was written by the store.
 */
export async function routeRequest(
  info: RequestInfo,
  runtime: ProxyRuntime,
  handlers: Handlers,
): Promise<void> {
  try {
    await dispatch(info, runtime, handlers);
  } catch (error) {
    if (!(error instanceof DamagedStoreError)) throw error;
    throw new HttpError(
      503,
      `Bulwark's cache database is damaged (${error.detail}); the proxy's operator must move it aside, as its log says`,
    );
  }
}

async function dispatch(
  info: RequestInfo,
  runtime: ProxyRuntime,
  handlers: Handlers,
): Promise<void> {
  const { method, path } = info;
  if (path === '/-/bulwark/health')
    return ops(info, 'health', () => health(info, runtime, handlers.started));
  if (path === '/metrics') return ops(info, 'metrics', () => metrics(info, runtime));
  if (path === '/-/bulwark/decisions')
    return ops(info, 'decisions', () => decisions(info, runtime));

  if (path === AUDIT && method === 'POST') return bulkAudit(info, runtime);
  if (path === AUDIT) {
    info.route = 'npm-audit';
    info.res.setHeader('allow', 'POST');
    throw new HttpError(405, 'the npm audit endpoint takes POST');
  }
  if (method !== 'GET' && method !== 'HEAD') {
    info.route = 'write';
    info.res.setHeader('allow', 'GET, HEAD');
    throw new HttpError(405, READ_ONLY);
  }
  if (path === '/-/ping') {
    info.route = 'ping';
    return sendJson(info, 200, {});
  }
  if (path === '/-/v1/search') return search(info, runtime);
  if (path.startsWith(PYPI_PREFIX)) {
    info.route = 'pypi';
    if (!handlers.pypi)
      throw new HttpError(404, 'the PyPI side is off: start the proxy with --pypi-upstream');
    return handlers.pypi.handle(info);
  }

  const route = handlers.parseNpmPath(path);
  if (!route || path === '/') {
    info.route = 'not-found';
    throw new HttpError(404, `no such route: ${path.slice(0, 100)}`);
  }
  return handlers.npm.handle(info, route);
}

async function ops(
  info: RequestInfo,
  route: string,
  run: () => void | Promise<void>,
): Promise<void> {
  info.route = route;
  if (info.method !== 'GET' && info.method !== 'HEAD') {
    info.res.setHeader('allow', 'GET, HEAD');
    throw new HttpError(405, `${route} is read-only`);
  }
  await run();
}

/** `/-/v1/search` is passed through to the upstream unchanged. */
async function search(info: RequestInfo, runtime: ProxyRuntime): Promise<void> {
  info.route = 'search';
  const answer = await runtime.upstream.passthrough(
    `${runtime.npmUpstream}/-/v1/search?${info.query.toString()}`,
  );
  info.res.writeHead(answer.status, {
    'content-type': answer.type,
    'content-length': answer.body.length,
  });
  info.res.end(answer.body);
}
