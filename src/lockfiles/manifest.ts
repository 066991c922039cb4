import type { ReadSibling } from './package.js';
import { isDict, type Dict } from './values.js';

/** A dependency a package.json declares. */
export interface Declared {
  name: string;
  range: string;
  dev: boolean;
}

/** A package.json beside the lockfile (or at a relative path), when present and valid JSON. */
export function readManifest(readSibling: ReadSibling | undefined, relative = 'package.json') {
  const text = readSibling?.(relative);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isDict(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The dependencies a manifest declares: production ones first, then development ones. */
export function declaredDependencies(manifest: Dict): Declared[] {
  const out: Declared[] = [];
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = manifest[field];
    if (!isDict(deps)) continue;
    for (const [name, range] of Object.entries(deps)) {
      if (typeof range === 'string') out.push({ name, range, dev: false });
    }
  }
  const dev = manifest.devDependencies;
  if (isDict(dev)) {
    for (const [name, range] of Object.entries(dev)) {
      if (typeof range === 'string') out.push({ name, range, dev: true });
    }
  }
  return out;
}
