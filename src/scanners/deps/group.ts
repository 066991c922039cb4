import type { Package } from '../../lockfiles/index.js';

/** Every occurrence of one `name@version` in a lockfile, folded into one package. */
export function groupPackages(packages: Package[], includeDev: boolean): Package[] {
  const byKey = new Map<string, Package>();
  for (const pkg of packages) {
    if (!includeDev && pkg.dev) continue;
    const key = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...pkg, paths: [...pkg.paths] });
      continue;
    }
    seen.direct ||= pkg.direct;
    seen.dev &&= pkg.dev;
    seen.line = Math.min(seen.line, pkg.line);
    seen.paths.push(...pkg.paths);
  }
  for (const pkg of byKey.values()) pkg.paths.sort((a, b) => a.length - b.length);
  return [...byKey.values()];
}
