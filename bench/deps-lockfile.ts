// Builds package-lock.json (v3) files of a chosen size for the deps benchmark from real data:
// the distinct npm packages (name and version) locked by this repository's package-lock.json
// and by every npm lockfile in ../shared/fixtures/lockfiles (about 4,000), laid out as npm
// workspaces so that several versions of one name can sit side by side.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { isLockfile, parseLockfile } from '../src/lockfiles/index.js';

/** One real package: name and version. */
export interface BenchPackage {
  name: string;
  version: string;
}

function lockfilesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return lockfilesIn(path);
    return isLockfile(path) ? [path] : [];
  });
}

/** The distinct npm packages of the real lockfiles, in a stable order. */
export function benchPackages(root: string, shared: string): BenchPackage[] {
  const files = [
    join(root, 'package-lock.json'),
    ...lockfilesIn(join(shared, 'fixtures', 'lockfiles')),
  ];
  const seen = new Map<string, BenchPackage>();
  for (const file of files) {
    const readSibling = (relative: string): string | undefined => {
      try {
        return readFileSync(join(dirname(file), relative), 'utf8');
      } catch {
        return undefined;
      }
    };
    const result = parseLockfile(file, readFileSync(file, 'utf8'), readSibling);
    for (const pkg of result.packages) {
      if (pkg.ecosystem !== 'npm') continue;
      seen.set(`${pkg.name}@${pkg.version}`, { name: pkg.name, version: pkg.version });
    }
  }
  return [...seen.values()];
}

/** A package-lock.json holding the first `size` packages, one version of a name per workspace. */
export function buildLockfile(all: BenchPackage[], size: number): string {
  const workspaces: Array<Set<string>> = [];
  const packages: Record<string, object> = {};
  for (const pkg of all.slice(0, size)) {
    let index = workspaces.findIndex((names) => !names.has(pkg.name));
    if (index === -1) index = workspaces.push(new Set()) - 1;
    workspaces[index].add(pkg.name);
    const base = pkg.name.split('/').pop() ?? pkg.name;
    packages[`packages/w${index}/node_modules/${pkg.name}`] = {
      version: pkg.version,
      resolved: `https://registry.npmjs.org/${pkg.name}/-/${base}-${pkg.version}.tgz`,
    };
  }
  const names = workspaces.map((_, i) => `packages/w${i}`);
  const links = Object.fromEntries(
    names.flatMap((ws, i) => [
      [ws, { name: `w${i}`, version: '1.0.0' }],
      [`node_modules/w${i}`, { resolved: ws, link: true }],
    ]),
  );
  const lock = {
    name: 'bench',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'bench', version: '1.0.0', workspaces: names }, ...links, ...packages },
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
