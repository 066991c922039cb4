import semver from 'semver';

/**
 * Point every dist-tag at an allowed version. A tag whose version is allowed stays; one whose
 * version was blocked moves to the newest allowed version not above it (else the newest
 * allowed at all), never to a prerelease unless the tag pointed at one; a tag with no
 * candidate is dropped, and npm then picks the highest allowed version itself.
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
    const below = semver.valid(version)
      ? candidates.find((v) => semver.lte(v, version))
      : undefined;
    const choice = below ?? candidates[0];
    if (choice) out[tag] = choice;
  }
  return out;
}
