import type { VersionOrder } from './order.js';
import { compareSemver, parsedSemver } from './semver-cache.js';

/**
 * Accept `1.0` and `1` as `1.0.0`/`1.0.0`: advisories use the short forms (GHSA-r683-j2x4-v87g
 * has `introduced: "1.0"`) although npm itself only publishes full versions.
 */
function pad(version: string): string {
  const match = /^v?(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!match) return version.trim();
  return `${match[1]}.${match[2] ?? '0'}.0`;
}

/** Semantic Versioning 2.0 as the npm `semver` package reads it, prereleases included. */
export const semverOrder: VersionOrder = {
  parse(version) {
    return parsedSemver(pad(version))?.version;
  },
  compare(a, b) {
    return compareSemver(pad(a), pad(b));
  },
  isPrerelease(version) {
    return (parsedSemver(pad(version))?.prerelease.length ?? 0) > 0;
  },
};

/** npm orders versions by Semantic Versioning 2.0. */
export const npmOrder: VersionOrder = semverOrder;
