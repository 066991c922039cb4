import { HttpError, sendBytes, sendJson, type RequestInfo } from './http.js';
import type { ProxyRuntime } from './runtime.js';
import type { DecisionKind } from './policy/types.js';
import { redactUrls } from './url-redact.js';

/** Parse `1h`, `30m`, `2d`, `45s` into milliseconds; undefined when malformed. */
export function parseSince(value: string): number | undefined {
  const match = /^(\d+)(s|m|h|d|w)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2] as 's'];
  return Number(match[1]) * unit * 1000;
}

/**
 * `/-/bulwark/health`: liveness and what the proxy is connected to. The status is `degraded`
 * while the latest request to an upstream got no answer (it is unreachable or timing out);
 * the answer is 200 either way, since the proxy still serves what it has cached. A cache
 * database found damaged while running makes the status `damaged` and the answer 503. The upstream
 * URLs are shown with their passwords and tokens masked.
 */
export function health(info: RequestInfo, runtime: ProxyRuntime, started: number): void {
  const upstreams = {
    npm: runtime.upstream.contact(runtime.npmUpstream) ?? null,
    pypi: runtime.pypiUpstream ? (runtime.upstream.contact(runtime.pypiUpstream) ?? null) : null,
  };
  const degraded = Object.values(upstreams).some((contact) => contact?.reachable === false);
  // A damaged proxy.sqlite fails every request that needs it, so the proxy is not healthy.
  const damaged = runtime.store.damaged;
  sendJson(info, damaged ? 503 : 200, {
    status: damaged ? 'damaged' : degraded ? 'degraded' : 'ok',
    storeDamaged: damaged,
    uptimeSeconds: Math.round((runtime.now() - started) / 1000),
    npmUpstream: redactUrls(runtime.npmUpstream),
    pypiUpstream: runtime.pypiUpstream ? redactUrls(runtime.pypiUpstream) : null,
    upstreams,
    dryRun: runtime.config.dryRun,
    advisoryDbImportedAt: runtime.policy.advisories.importedAt?.() ?? null,
  });
}

/** Rows the decision API returns when no `limit` is given, and the most it returns. */
const DEFAULT_DECISION_LIMIT = 1000;
const MAX_DECISION_LIMIT = 10_000;

/** The `limit` query value as a row count: a whole number from 1 to 10,000, else a 400. */
function decisionLimit(value: string | null): number {
  if (value === null) return DEFAULT_DECISION_LIMIT;
  const limit = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_DECISION_LIMIT))
    throw new HttpError(
      400,
      `limit must be a whole number from 1 to ${MAX_DECISION_LIMIT.toLocaleString('en')}, not ${JSON.stringify(value.slice(0, 40))}`,
    );
  return limit;
}

/** `/-/bulwark/decisions?since=1h&decision=blocked&package=x&limit=100`: the decision log. */
export async function decisions(info: RequestInfo, runtime: ProxyRuntime): Promise<void> {
  const since = info.query.get('since');
  const sinceMs = since !== null ? parseSince(since) : undefined;
  if (since !== null && sinceMs === undefined)
    throw new HttpError(400, 'since must look like 30m, 1h or 2d');
  const decision = info.query.get('decision');
  if (decision !== null && !['allowed', 'warned', 'blocked'].includes(decision)) {
    throw new HttpError(400, 'decision must be allowed, warned or blocked');
  }
  const pkg = info.query.get('package');
  if (pkg === '') throw new HttpError(400, 'package must name a package');
  const limit = decisionLimit(info.query.get('limit'));
  const rows = await runtime.store.decisions({
    since: sinceMs === undefined ? undefined : runtime.now() - sinceMs,
    decision: (decision ?? undefined) as DecisionKind | undefined,
    package: pkg ?? undefined,
    limit,
  });
  sendJson(info, 200, {
    decisions: rows.map((r) => ({ ...r, time: new Date(r.time).toISOString() })),
  });
}

/** `/metrics`: Prometheus text format. */
export function metrics(info: RequestInfo, runtime: ProxyRuntime): void {
  sendBytes(
    info,
    200,
    'text/plain; version=0.0.4; charset=utf-8',
    Buffer.from(runtime.metrics.render()),
  );
}
