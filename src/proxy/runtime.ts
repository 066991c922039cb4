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

/** Rows written in the last DEDUPE_MS per runtime, so one request never logs a row twice. */
const recent = new WeakMap<ProxyRuntime, Map<string, number>>();
const DEDUPE_MS = 1000;

/**
 * Write a decision-log row unless the same row (client, version, decision, rule, advisory,
 * reason) was written less than a second ago: a tarball request that also fetched the
 * packument would otherwise log its version twice. Answers whether it was written.
 */
function writeRow(runtime: ProxyRuntime, row: DecisionRecord): boolean {
  let seen = recent.get(runtime);
  if (!seen) recent.set(runtime, (seen = new Map()));
  const key = [
    row.client,
    row.ecosystem,
    row.package,
    row.version,
    row.decision,
    row.rule,
    row.advisory,
    row.reason,
  ].join('\u0000');
  const last = seen.get(key);
  if (last !== undefined && row.time - last < DEDUPE_MS && row.time >= last) return false;
  if (seen.size > 10_000) seen.clear();
  seen.set(key, row.time);
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
  client: string,
  facts: VersionFacts,
  outcome: VersionDecision,
): void {
  const base = {
    time: runtime.now(),
    client,
    ecosystem: facts.ecosystem,
    package: facts.name,
    version: facts.version,
  };
  const waivers = outcome.decision === 'blocked' ? [] : (outcome.waivers ?? []);
  for (const waiver of waivers) {
    const { advisory, reason } = waiver;
    writeRow(runtime, { ...base, decision: 'allowed', rule: 'vulnerabilities', advisory, reason });
  }
  if (outcome.verdicts.length === 0) {
    if (waivers.length === 0) writeRow(runtime, { ...base, decision: 'allowed' });
    return;
  }
  for (const verdict of outcome.verdicts) {
    const decision: DecisionKind = verdict.action === 'block' ? 'blocked' : 'warned';
    const reason =
      verdict.action === 'monitor' ? `monitor, would block: ${verdict.reason}` : verdict.reason;
    const row = { ...base, decision, rule: verdict.rule, advisory: verdict.advisory, reason };
    if (!writeRow(runtime, row)) continue;
    if (decision === 'blocked') runtime.metrics.blocked(verdict.rule);
    runtime.log.warn(
      {
        decision,
        rule: verdict.rule,
        package: facts.name,
        version: facts.version,
        advisory: verdict.advisory,
        client,
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
