import { durationMs } from '../policy/config.js';
import { MetadataCache } from '../metadata-cache.js';
import { recordDecision, type DecisionScope, type ProxyRuntime } from '../runtime.js';
import { buildPackage, parsePackument, type NpmPackage } from './packument.js';

/** The npm registry's full-document media type; the proxy always fetches the full form for `time`. */
const FULL = 'application/json';

/** Built npm packages, cached in memory and revalidated against the upstream. */
export function createNpmPackages(
  runtime: ProxyRuntime,
  maxBytes: number,
): MetadataCache<NpmPackage, DecisionScope> {
  return new MetadataCache<NpmPackage, DecisionScope>({
    ecosystem: 'npm',
    store: runtime.store,
    upstream: runtime.upstream,
    ttlMs: durationMs(runtime.config.metadataTtl),
    retryMs: 30_000,
    accept: FULL,
    // The npm registry takes scoped names with the slash encoded (`@scope%2fname`).
    urlFor: (name) => `${runtime.npmUpstream}/${encodeURIComponent(name).replace(/^%40/, '@')}`,
    build: (name, body, asker) => {
      const pkg = buildPackage(
        name,
        parsePackument(body, name),
        runtime.policy.contextFor('npm', name),
        (facts) => runtime.contentFacts.apply(facts),
      );
      if (asker !== undefined) logRemoved(runtime, asker, pkg);
      // The parsed document, its filtered copies and their serialized forms: about three bodies.
      pkg.size = body.length * 3;
      return pkg;
    },
    sizeOf: (pkg) => pkg.size,
    maxBytes,
    now: runtime.now,
    generation: () =>
      (runtime.policy.advisories.generation?.() ?? 0) + runtime.contentFacts.generation(),
    onBackgroundError: (name, error) =>
      runtime.log.warn({ package: name, err: String(error) }, 'background revalidation failed'),
  });
}

/** Log the versions removed from a freshly fetched packument, once per fetch. */
function logRemoved(runtime: ProxyRuntime, asker: DecisionScope, pkg: NpmPackage): void {
  for (const entry of pkg.versions.values()) {
    if (entry.decision.decision === 'blocked')
      recordDecision(runtime, asker, entry.facts, entry.decision);
  }
}
