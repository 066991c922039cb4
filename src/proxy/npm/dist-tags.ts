import semver from 'semver';

/**
 * Point every dist-tag at an allowed version. A tag whose version is allowed stays; one whose
 * version was blocked moves to the newest allowed version below it, never above it (a tag must
 * not jump to a newer, perhaps breaking, major) and never to a prerelease unless the tag
 * pointed at one. A tag with no such version is dropped; npm then picks from the allowed
 * versions by the requested range itself.
 */
export function rewriteDistTags(
  tags: Record<string, string>,
  allowed: readonly string[],
): Record<string, string> {
  const sorted = allowed.filter((v) => semver.valid(v) !== null).sort(semver.rcompare);
  const out: Record<string, string> = {};
  for (const [tag, version] of Object.entries(tags)) {
    if (allowed.includes(version)) {
      out[tag] = version;
      continue;
    }
    const wantsPrerelease = semver.prerelease(version) !== null;
    const candidates = sorted.filter((v) => wantsPrerelease || semver.prerelease(v) === null);
    const below = semver.valid(version) ? candidates.find((v) => semver.lt(v, version)) : undefined;
    if (below) out[tag] = below;
  }
  return out;
}
