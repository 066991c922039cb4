import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult } from './package.js';
import { dict, isDict, keysOf, str } from './values.js';

const HINT = 'regenerate it with `dotnet restore --force-evaluate`';

/**
 * packages.lock.json (NuGet), every target framework. `Direct` packages are direct;
 * `Project` entries are other projects of the solution: they are left out and their
 * dependencies count as direct. NuGet has no development dependencies in this file.
 */
export function parseNugetLock(path: string, content: string): LockfileResult {
  const doc = parseJsonDocument(path, content, { hint: HINT });
  const root = dict(doc.value);
  if (!isDict(root.dependencies))
    throw lockfileError(path, 1, `${path} has no "dependencies"`, HINT);
  const nodes = new Map<string, GraphNode>();
  const roots: GraphRoot[] = [];

  for (const [framework, value] of Object.entries(root.dependencies)) {
    const entries = dict(value);
    const idOf = (name: string) => `${framework}|${name.toLowerCase()}`;
    const ids = new Set(Object.keys(entries).map(idOf));
    for (const [name, raw] of Object.entries(entries)) {
      const entry = dict(raw);
      const type = str(entry.type) ?? '';
      const deps = keysOf(entry.dependencies)
        .map(idOf)
        .filter((id) => ids.has(id));
      if (type === 'Project') {
        roots.push(...deps.map((id) => ({ id, dev: false })));
        continue;
      }
      const version = str(entry.resolved);
      const line = doc.lineOf(['dependencies', framework, name]) ?? 1;
      if (!version)
        throw lockfileError(path, line, `${path}: package "${name}" has no resolved version`, HINT);
      nodes.set(idOf(name), {
        id: idOf(name),
        name,
        version,
        line,
        dev: false,
        thirdParty: true,
        deps,
      });
      if (type === 'Direct') roots.push({ id: idOf(name), dev: false });
    }
  }
  const packages = packagesFromGraph(nodes, roots, 'NuGet', path);
  return {
    lockfile: path,
    format: `packages.lock.json v${String(root.version ?? '')}`,
    packages,
    unpinned: [],
  };
}
