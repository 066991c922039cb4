import type { CompiledAffected } from './match.js';

/**
 * The smallest version above `version` that none of `entries` affects, chosen among the
 * versions the advisories name as fixes; undefined when no named fix clears them all. Only
 * named fixes are candidates: a version no advisory mentions may not exist. Releases are
 * preferred over prereleases.
 *
 * The upgrade Bulwark suggests is chosen only among versions the advisories name as fixes, so when
 * the only named fix is a prerelease (nbconvert's 6.3.0a0) that prerelease is suggested.
 */
export function smallestUpgrade(version: string, entries: CompiledAffected[]): string | undefined {
  if (entries.length === 0) return undefined;
  const order = entries[0].order;
  if (order.parse(version) === undefined) return undefined;
  const candidates = [...new Set(entries.flatMap((e) => e.fixes))]
    .filter((v) => order.parse(v) !== undefined && order.compare(v, version) > 0)
    .sort((a, b) => order.compare(a, b));
  const clear = candidates.filter((candidate) => entries.every((e) => !e.affects(candidate)));
  // A release is the better advice; a prerelease only when the advisories name no release.
  return clear.find((candidate) => !order.isPrerelease(candidate)) ?? clear[0];
}
