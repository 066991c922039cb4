import type { VersionOrder } from './order.js';
import { compareSemver, parsedSemver } from './semver-cache.js';

/**
 * Strip what Go adds around a semantic version: the `v` prefix of module versions and the
 * `go` prefix of toolchain versions (`go1.21.3`). `+incompatible` is build metadata and so
 * does not take part in ordering; pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`,
 * `v1.2.4-0.20191109021931-daa7c04131f5`) are prereleases of the next version, which is
 * exactly how the Go command orders them.
 */
function strip(version: string): string {
  const bare = version.trim().replace(/^go/, '').replace(/^v/, '');
  const short = /^(\d+)(?:\.(\d+))?$/.exec(bare);
  if (short) return `${short[1]}.${short[2] ?? '0'}.0`;
  return bare.replace(/^(\d+\.\d+)((?:rc|beta)\d+)$/, '$1.0-$2');
}

/** Go module versions: v-prefixed semantic versions with pseudo-versions and +incompatible. */
export const goOrder: VersionOrder = {
  parse(version) {
    return parsedSemver(strip(version))?.version;
  },
  compare(a, b) {
    return compareSemver(strip(a), strip(b));
  },
  isPrerelease(version) {
    return (parsedSemver(strip(version))?.prerelease.length ?? 0) > 0;
  },
};
