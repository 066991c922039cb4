import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseLockfile, type LockfileResult, type Package } from '../../src/lockfiles/index.js';

/** Parse a lockfile on disk, reading its siblings from the same folder. */
export function parseFile(path: string): LockfileResult {
  const readSibling = (relative: string) => {
    const sibling = join(dirname(path), relative);
    return existsSync(sibling) ? readFileSync(sibling, 'utf8') : undefined;
  };
  return parseLockfile(path, readFileSync(path, 'utf8'), readSibling);
}

/** Parse lockfile text with siblings given as a map of relative path → content. */
export function parseText(
  path: string,
  content: string,
  siblings: Record<string, string> = {},
): LockfileResult {
  return parseLockfile(path, content, (relative) => siblings[relative]);
}

/** The fields a test compares, with the first path only. */
export interface Entry {
  name: string;
  version: string;
  direct: boolean;
  dev: boolean;
  line: number;
  path: string[] | null;
}

/** Project a package onto the fields a test compares. */
export function entry(pkg: Package): Entry {
  const { name, version, direct, dev, line } = pkg;
  return { name, version, direct, dev, line, path: pkg.paths[0] ?? null };
}

/** The packages of a result with this name, as entries. */
export function entriesNamed(result: LockfileResult, name: string): Entry[] {
  return result.packages.filter((pkg) => pkg.name === name).map(entry);
}
