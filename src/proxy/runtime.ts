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
  /** The rows this request wrote, kept from its first row on. */
  logged?: DecisionRecord[];
}

/** True when two rows of one request are the same decision (the time and client are the request's). */
function sameRow(a: DecisionRecord, b: DecisionRecord): boolean {
  return (
    a.version === b.version &&
    a.decision === b.decision &&
    a.rule === b.rule &&
    a.advisory === b.advisory &&
    a.reason === b.reason &&
    a.package === b.package &&
    a.ecosystem === b.ecosystem
  );
}

/**
 * Write a decision-log row unless the same request already wrote the same row (version,
 * decision, rule, advisory, reason): a tarball request that also fetched the packument would
 * otherwise log its version twice. Every request writes its own rows, however close together
 * (the store folds identical allowed rows of one client into one row with a count).
 * A request writes a row or two, so its rows are compared one by one rather than hashed.
 * Answers whether it was written.
 */
function writeRow(runtime: ProxyRuntime, scope: DecisionScope, row: DecisionRecord): boolean {
  if (scope.logged === undefined) scope.logged = [row];
  else if (scope.logged.some((seen) => sameRow(seen, row))) return false;
  else scope.logged.push(row);
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
  // Each row is one object literal: no base object is copied per row on the hot path.
  const time = runtime.now();
  const { client } = scope;
  const { ecosystem, name, version } = facts;
  const waivers = outcome.decision === 'blocked' ? undefined : outcome.waivers;
  if (waivers !== undefined) {
    for (const { advisory, reason } of waivers) {
      const rule = 'vulnerabilities' as const;
      const row = {
        time,
        client,
        ecosystem,
        package: name,
        version,
        decision: 'allowed' as const,
        rule,
        advisory,
        reason,
      };
      writeRow(runtime, scope, row);
    }
  }
  if (outcome.verdicts.length === 0) {
    if (waivers === undefined || waivers.length === 0) {
      const row: DecisionRecord = {
        time,
        client,
        ecosystem,
        package: name,
        version,
        decision: 'allowed',
      };
      writeRow(runtime, scope, row);
    }
    return;
  }
  for (const verdict of outcome.verdicts) {
    const decision: DecisionKind = verdict.action === 'block' ? 'blocked' : 'warned';
    const reason =
      verdict.action === 'monitor' ? `monitor, would block: ${verdict.reason}` : verdict.reason;
    const { rule, advisory } = verdict;
    const row = {
      time,
      client,
      ecosystem,
      package: name,
      version,
      decision,
      rule,
      advisory,
      reason,
    };
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
