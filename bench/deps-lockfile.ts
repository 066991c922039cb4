// Builds package-lock.json (v3) files of a chosen size for the deps benchmark by placing real
// lockfiles side by side as npm workspaces: this repository's own lockfile and two public
// ones from ../shared/fixtures/lockfiles, repeated under more workspaces for larger sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Entry = Record<string, unknown>;

interface Source {
  name: string;
  entries: Array<[string, Entry]>;
}

function load(name: string, path: string): Source {
  const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, Entry> };
  const entries = Object.entries(lock.packages).filter(([key]) => key.startsWith('node_modules/'));
  return { name, entries };
}

/** The real lockfiles the benchmark is built from. */
export function benchSources(root: string, shared: string): Source[] {
  const fixtures = join(shared, 'fixtures', 'lockfiles');
  return [
    load('bulwark', join(root, 'package-lock.json')),
    load('zod', join(fixtures, 'package-lock-v3-zod', 'package-lock.json')),
    load(
      'eslint-plugin-security',
      join(fixtures, 'package-lock-v2-eslint-plugin-security', 'package-lock.json'),
    ),
  ];
}

/** A package-lock.json holding `size` packages, as workspaces `packages/<source>-<n>`. */
export function buildLockfile(sources: Source[], size: number): string {
  const packages: Record<string, Entry> = {};
  const workspaces: string[] = [];
  let count = 0;
  for (let round = 0; count < size; round++) {
    for (const source of sources) {
      if (count >= size) break;
      const workspace = `packages/${source.name}-${round}`;
      workspaces.push(workspace);
      packages[workspace] = { name: `${source.name}-${round}`, version: '1.0.0' };
      packages[`node_modules/${source.name}-${round}`] = { resolved: workspace, link: true };
      for (const [key, entry] of source.entries) {
        if (count >= size) break;
        packages[`${workspace}/${key}`] = entry;
        count++;
      }
    }
  }
  const lock = {
    name: 'bench',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'bench', version: '1.0.0', workspaces }, ...packages },
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
