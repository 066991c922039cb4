import { normalizePypiName } from '../policy/typosquat.js';

const SDIST = /\.(tar\.gz|tar\.bz2|tar\.xz|zip|tgz)$/;

/**
 * The version in a distribution file name. Wheels are `{name}-{version}(-{build})?-{py}-{abi}-{platform}.whl`
 * with `-` escaped in the name (wheel spec); source distributions are `{name}-{version}.tar.gz`,
 * where older ones may keep `-` in the name, so the name part is matched against the project.
 */
export function versionOfFile(project: string, filename: string): string | undefined {
  if (filename.endsWith('.whl')) {
    const parts = filename.slice(0, -4).split('-');
    return parts.length >= 5 ? parts[1] : undefined;
  }
  const match = SDIST.exec(filename);
  if (!match) return undefined;
  const stem = filename.slice(0, -match[0].length);
  const wanted = normalizePypiName(project);
  for (let i = stem.indexOf('-'); i !== -1; i = stem.indexOf('-', i + 1)) {
    if (normalizePypiName(stem.slice(0, i)) === wanted) return stem.slice(i + 1) || undefined;
  }
  return undefined;
}

/** Project names as PEP 508 allows them. */
const NAME = /^([a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9])$/i;

/** True for a name pip could ask for. */
export function validPypiName(name: string): boolean {
  return name.length <= 200 && NAME.test(name);
}

/** File names served by the proxy: no path separators, no leading dot. */
export function validFileName(name: string): boolean {
  return name.length <= 255 && /^[\w.+!-]+$/.test(name) && !name.startsWith('.');
}
