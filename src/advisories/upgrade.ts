import type { CompiledAffected } from './match.js';

/**
 * The smallest version above `version` that none of `entries` affects, chosen among the
 * versions the advisories name as fixes; undefined when no named fix clears them all. Only
 * named fixes are candidates: a version no advisory mentions may not exist.
 */
export function smallestUpgrade(version: string, entries: CompiledAffected[]): string | undefined {
  if (entries.length === 0) return undefined;
  const order = entries[0].order;
  if (order.parse(version) === undefined) return undefined;
  const candidates = [...new Set(entries.flatMap((e) => e.fixes))]
    .filter((v) => order.parse(v) !== undefined && order.compare(v, version) > 0)
    .sort((a, b) => order.compare(a, b));
  return candidates.find((candidate) => entries.every((e) => !e.affects(candidate)));
}
