import { HttpError, sendBytes, sendJson, type RequestInfo } from './http.js';
import type { ProxyRuntime } from './runtime.js';
import type { DecisionKind } from './policy/types.js';

/** Parse `1h`, `30m`, `2d`, `45s` into milliseconds; undefined when malformed. */
export function parseSince(value: string): number | undefined {
  const match = /^(\d+)(s|m|h|d|w)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2] as 's'];
  return Number(match[1]) * unit * 1000;
}

/** `/-/bulwark/health`: liveness and what the proxy is connected to. */
export function health(info: RequestInfo, runtime: ProxyRuntime, started: number): void {
  sendJson(info, 200, {
    status: 'ok',
    uptimeSeconds: Math.round((runtime.now() - started) / 1000),
    npmUpstream: runtime.npmUpstream,
    pypiUpstream: runtime.pypiUpstream ?? null,
    dryRun: runtime.config.dryRun,
    advisoryDbImportedAt: runtime.policy.advisories.importedAt?.() ?? null,
  });
}

/** `/-/bulwark/decisions?since=1h&decision=blocked&package=x&limit=100`: the decision log. */
export async function decisions(info: RequestInfo, runtime: ProxyRuntime): Promise<void> {
  const since = info.query.get('since');
  const sinceMs = since ? parseSince(since) : undefined;
  if (since && sinceMs === undefined)
    throw new HttpError(400, 'since must look like 30m, 1h or 2d');
  const decision = info.query.get('decision');
  if (decision && !['allowed', 'warned', 'blocked'].includes(decision)) {
    throw new HttpError(400, 'decision must be allowed, warned or blocked');
  }
  const limit = Number(info.query.get('limit') ?? 1000);
  const rows = await runtime.store.decisions({
    since: sinceMs === undefined ? undefined : runtime.now() - sinceMs,
    decision: (decision ?? undefined) as DecisionKind | undefined,
    package: info.query.get('package') ?? undefined,
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 10_000) : 1000,
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
