import type { Logger } from 'pino';

import type { ContentFacts } from './content-facts.js';
import type { ProxyConfig } from './policy/config.js';
import type { PolicyEngine } from './policy/engine.js';
import type { DecisionKind, VersionDecision, VersionFacts } from './policy/types.js';
import type { ProxyMetrics } from './metrics.js';
import type { BlobStore, DecisionRecord, MetadataStore } from './store/types.js';
import type { UpstreamClient } from './upstream.js';
import type { VerifiedFiles } from './verified-files.js';

/** Everything the route handlers share: settings, stores, upstream, policy, metrics, logs. */
export interface ProxyRuntime {
  config: ProxyConfig;
  policy: PolicyEngine;
  store: MetadataStore;
  blobs: BlobStore;
  upstream: UpstreamClient;
  files: VerifiedFiles;
  metrics: ProxyMetrics;
  /** What files revealed about their versions, applied whenever metadata is judged again. */
  contentFacts: ContentFacts;
  log: Logger;
  /** npm registry base URL, without a trailing slash. */
  npmUpstream: string;
  /** PyPI simple index URL ending in `/`, when the PyPI side is on. */
  pypiUpstream?: string;
  now(): number;
}

/**
 * Who a decision is logged for: the client, and the rows the request being answered has written
 * so far. An upstream fetch shared by several requests logs the versions it removes for the
 * request that started it; the requests that joined it log their own rows.
 */
export interface DecisionScope {
  readonly client: string;
  /** Keys of the rows this request wrote, made with its first row. */
  logged?: Set<string>;
}

/**
 * Write a decision-log row unless the same request already wrote the same row (version,
 * decision, rule, advisory, reason): a tarball request that also fetched the packument would
 * otherwise log its version twice. Every request writes its own rows, however close together.
 * Answers whether it was written.
 */
function writeRow(runtime: ProxyRuntime, scope: DecisionScope, row: DecisionRecord): boolean {
  const key = [
    row.ecosystem,
    row.package,
    row.version,
    row.decision,
    row.rule,
    row.advisory,
    row.reason,
  ].join('\u0000');
  scope.logged ??= new Set();
  if (scope.logged.has(key)) return false;
  scope.logged.add(key);
  runtime.store.recordDecision(row);
  return true;
}

/**
 * Log a decision for one version: a decision-log row per verdict (one row when allowed, or one
 * per exception that let an advisory through), a warn line per verdict, and the blocks-by-rule
 * metric.
 */
export function recordDecision(
  runtime: ProxyRuntime,
  scope: DecisionScope,
  facts: VersionFacts,
  outcome: VersionDecision,
): void {
  const base = {
    time: runtime.now(),
    client: scope.client,
    ecosystem: facts.ecosystem,
    package: facts.name,
    version: facts.version,
  };
  const waivers = outcome.decision === 'blocked' ? [] : (outcome.waivers ?? []);
  for (const waiver of waivers) {
    const { advisory, reason } = waiver;
    writeRow(runtime, scope, {
      ...base,
      decision: 'allowed',
      rule: 'vulnerabilities',
      advisory,
      reason,
    });
  }
  if (outcome.verdicts.length === 0) {
    if (waivers.length === 0) writeRow(runtime, scope, { ...base, decision: 'allowed' });
    return;
  }
  for (const verdict of outcome.verdicts) {
    const decision: DecisionKind = verdict.action === 'block' ? 'blocked' : 'warned';
    const reason =
      verdict.action === 'monitor' ? `monitor, would block: ${verdict.reason}` : verdict.reason;
    const row = { ...base, decision, rule: verdict.rule, advisory: verdict.advisory, reason };
    if (!writeRow(runtime, scope, row)) continue;
    if (decision === 'blocked') runtime.metrics.blocked(verdict.rule);
    runtime.log.warn(
      {
        decision,
        rule: verdict.rule,
        package: facts.name,
        version: facts.version,
        advisory: verdict.advisory,
        client: scope.client,
      },
      reason,
    );
  }
}

/**
 * The JSON body of a 403: what was refused, by which rule, and why, in `error` for clients.
 * pnpm, bun and pip do not print the reason in a 403 body, only the status or "no matching version"; the decision log has the reason.
 */
export function refusal(facts: VersionFacts, outcome: VersionDecision): Record<string, unknown> {
  const blocking = outcome.verdicts.filter((v) => v.action === 'block');
  const first = blocking[0];
  const why = blocking.map((v) => `${v.rule}: ${v.reason}`).join('; ');
  return {
    error: `Bulwark blocked ${facts.name}@${facts.version}: ${why}`,
    package: facts.name,
    version: facts.version,
    rule: first?.rule,
    advisory: first?.advisory,
    verdicts: blocking,
  };
}
