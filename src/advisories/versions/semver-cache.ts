import semver, { type SemVer } from 'semver';

const MAX_ENTRIES = 20_000;
const cache = new Map<string, SemVer | null>();

/**
 * A parsed semantic version, memoised: matching compares the same few hundred range versions
 * with each locked version, and parsing dominates a plain `semver.compare`.
 */
export function parsedSemver(version: string): SemVer | null {
  let parsed = cache.get(version);
  if (parsed !== undefined) return parsed;
  parsed = semver.parse(version, { loose: true });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(version, parsed);
  return parsed;
}

/** Compare two versions that `parsedSemver` accepts. */
export function compareSemver(a: string, b: string): number {
  const left = parsedSemver(a);
  const right = parsedSemver(b);
  if (!left || !right) throw new TypeError(`not a semantic version: ${left ? b : a}`);
  return left.compare(right);
}
