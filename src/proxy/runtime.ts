import type { Logger } from 'pino';

import type { ContentFacts } from './content-facts.js';
import type { ProxyConfig } from './policy/config.js';
import type { PolicyEngine } from './policy/engine.js';
import type { VersionDecision, VersionFacts } from './policy/types.js';
import type { ProxyMetrics } from './metrics.js';
import type { BlobStore, MetadataStore } from './store/types.js';
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
 * Log a decision for one version: a decision-log row per verdict (one row when allowed),
 * a warn line per verdict, and the blocks-by-rule metric.
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
  if (outcome.verdicts.length === 0) {
    runtime.store.recordDecision({ ...base, decision: 'allowed' });
    return;
  }
  for (const verdict of outcome.verdicts) {
    const decision = verdict.action === 'block' ? 'blocked' : 'warned';
    const reason =
      verdict.action === 'monitor' ? `monitor, would block: ${verdict.reason}` : verdict.reason;
    runtime.store.recordDecision({
      ...base,
      decision,
      rule: verdict.rule,
      advisory: verdict.advisory,
      reason,
    });
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
