import semver from 'semver';

import type { AffectedPackage, Ecosystem, RangeEvent, VersionRange } from './model.js';
import { eventVersion } from './osv.js';
import { semverRangeOrder, versionOrder, type VersionOrder } from './versions/index.js';
import { compareSemver, parsedSemver } from './versions/semver-cache.js';

/** A range prepared once for many versions: its order and its events sorted by version. */
interface CompiledRange {
  affects(version: string): boolean;
  /** Fixed versions this range names, in ascending order. */
  fixes: string[];
  /** The fix that ends the affected interval holding `version`, if the range says. */
  nextFix(version: string): string | undefined;
}

/** An affected entry prepared for matching many versions of its package. */
export interface CompiledAffected {
  ecosystem: Ecosystem;
  order: VersionOrder;
  affects(version: string): boolean;
  /** Every fixed version the entry names. */
  fixes: string[];
  /** Fixed versions that end the intervals holding `version`. */
  fixesFor(version: string): string[];
}

const KIND_RANK: Record<keyof RangeEvent, number> = {
  introduced: 0,
  last_affected: 1,
  fixed: 2,
  limit: 3,
};

function kindOf(event: RangeEvent): keyof RangeEvent {
  if (event.introduced !== undefined) return 'introduced';
  if (event.fixed !== undefined) return 'fixed';
  if (event.last_affected !== undefined) return 'last_affected';
  return 'limit';
}

/**
 * Compile OSV events (osv-schema "Evaluation"): sort them by version, then the last event at
 * or below a version decides: `introduced` opens an affected interval, `fixed` closes it at
 * that version, `last_affected` closes it just after. `limit` events cap the whole range.
 */
function compileEvents(events: RangeEvent[], order: VersionOrder): CompiledRange {
  const cmp = (a: string, b: string): number =>
    a === '0' ? (b === '0' ? 0 : -1) : b === '0' ? 1 : order.compare(a, b);
  const sorted = events
    .filter((e) => kindOf(e) !== 'limit')
    .map((e) => ({ kind: kindOf(e), at: eventVersion(e) }))
    .sort((x, y) => cmp(x.at, y.at) || KIND_RANK[x.kind] - KIND_RANK[y.kind]);
  const limits = events.filter((e) => e.limit !== undefined).map((e) => e.limit as string);
  const fixes = sorted.filter((e) => e.kind === 'fixed').map((e) => e.at);

  const position = (version: string): number => {
    let state = -1;
    sorted.forEach((event, i) => {
      const c = cmp(version, event.at);
      const reached = event.kind === 'last_affected' ? c > 0 : c >= 0;
      if (reached) state = i;
    });
    return state;
  };
  const withinLimits = (version: string): boolean =>
    limits.length === 0 || limits.some((limit) => limit === '*' || cmp(version, limit) < 0);

  return {
    fixes,
    affects(version) {
      if (order.parse(version) === undefined) return false;
      const at = position(version);
      return at >= 0 && sorted[at].kind === 'introduced' && withinLimits(version);
    },
    nextFix(version) {
      if (order.parse(version) === undefined) return undefined;
      const at = position(version);
      const next = sorted.slice(at + 1).find((e) => e.kind !== 'introduced');
      return next?.kind === 'fixed' ? next.at : undefined;
    },
  };
}

/** An npm range expression from a legacy advisory, prereleases included. */
function compileNpmRange(expression: string, fixed: string[]): CompiledRange {
  const sortedFixes = [...fixed].sort(semver.compare);
  const range = new semver.Range(expression, { loose: true, includePrerelease: true });
  const affects = (version: string): boolean => {
    const parsed = parsedSemver(version);
    return parsed !== null && range.test(parsed);
  };
  return {
    fixes: sortedFixes,
    affects,
    nextFix: (version) =>
      sortedFixes.find((f) => parsedSemver(version) !== null && compareSemver(f, version) > 0),
  };
}

function compileRange(range: VersionRange, ecosystem: Ecosystem): CompiledRange {
  if (range.type === 'NPM_RANGE') return compileNpmRange(range.expression, range.fixed);
  const order = range.type === 'SEMVER' ? semverRangeOrder(ecosystem) : versionOrder(ecosystem);
  return compileEvents(range.events, order);
}

/**
 * Prepare an affected entry. A version is affected when it is listed in `versions` or falls
 * in any range; a version the ecosystem cannot order can only match the explicit list.
 */
export function compileAffected(entry: AffectedPackage): CompiledAffected {
  const order = versionOrder(entry.ecosystem);
  const ranges = entry.ranges.map((r) => compileRange(r, entry.ecosystem));
  const listed = new Set(entry.versions.map((v) => v.trim()));
  const orderable = entry.versions.filter((v) => order.parse(v) !== undefined);

  // Listed versions are compared by the ecosystem's order too: PyPI's `1.0` is `1.0.0`.
  const inList = (version: string): boolean =>
    listed.has(version) ||
    (order.parse(version) !== undefined && orderable.some((v) => order.compare(v, version) === 0));
  const inRanges = (version: string): CompiledRange[] =>
    order.parse(version) === undefined ? [] : ranges.filter((r) => r.affects(version));

  return {
    ecosystem: entry.ecosystem,
    order,
    fixes: ranges.flatMap((r) => r.fixes),
    affects: (version) => inList(version) || inRanges(version).length > 0,
    fixesFor: (version) =>
      inRanges(version)
        .map((r) => r.nextFix(version))
        .filter((f): f is string => f !== undefined),
  };
}
