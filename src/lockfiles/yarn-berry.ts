import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { declaredDependencies, readManifest } from './manifest.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { blockVersion, readYarnBlocks, splitDescriptor, type YarnBlock } from './yarn-blocks.js';

const HINT = 'regenerate it with `yarn install` (or restore it from version control)';

/**
 * yarn.lock berry (yarn 2 and later, with `__metadata`). Workspace entries are the project:
 * their dependencies are the direct ones, and each member's package.json says which are for
 * development. Without a workspace member's package.json, yarn berry counts that member's
 * dependencies as production. A `patch:` entry is the patched package itself, so it resolves
 * to the real name and version; `npm:` aliases resolve through the entry's resolution. Entries
 * resolved from git, a folder (`file:`, `link:`, `portal:`) or a URL are not registry releases
 * and are left out, though what they depend on keeps its paths.
 */
export function parseYarnBerry(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const blocks = readYarnBlocks(path, content, true, HINT);
  const nodes = new Map<string, GraphNode>();
  const byDescriptor = new Map<string, string>();
  const workspaces: YarnBlock[] = [];

  for (const block of blocks) {
    const resolution = block.fields.get('resolution');
    if (block.descriptors[0] === '__metadata' || !resolution) continue;
    const version = blockVersion(path, block, HINT);
    if (version === undefined) continue;
    const locator = resolvedLocator(resolution);
    for (const descriptor of block.descriptors) byDescriptor.set(descriptor, resolution);
    if (locator.protocol === 'workspace') {
      workspaces.push(block);
      continue;
    }
    const deps = [
      ...(block.maps.get('dependencies') ?? []),
      ...(block.maps.get('optionalDependencies') ?? []),
    ].map(([name, spec]) => `${name}@${spec}`);
    const thirdParty = locator.protocol === 'npm';
    nodes.set(resolution, {
      id: resolution,
      name: locator.name,
      version,
      line: block.line,
      thirdParty,
      deps,
    });
  }
  for (const node of nodes.values()) {
    node.deps = node.deps.flatMap((descriptor) => byDescriptor.get(descriptor) ?? []);
  }

  const roots = workspaces.flatMap((block) => workspaceRoots(block, byDescriptor, readSibling));
  const packages = packagesFromGraph(nodes, roots, 'npm', path);
  return { lockfile: path, format: 'yarn.lock berry', packages, unpinned: [] };
}

/**
 * The real package behind a resolution: `name@npm:1.2.3`, or for a patch
 * `name@patch:name@npm%3A1.2.3#...` the package it patches (URL-encoded inside).
 */
function resolvedLocator(resolution: string): { name: string; protocol: string } {
  let { name, range } = splitDescriptor(resolution);
  while (range.startsWith('patch:')) {
    const inner = splitDescriptor(decodeURIComponent(range.slice('patch:'.length).split('#')[0]));
    name = inner.name;
    range = inner.range;
  }
  const colon = range.indexOf(':');
  return { name, protocol: colon === -1 ? '' : range.slice(0, colon) };
}

/** A workspace's dependencies, marked dev from its package.json when that can be read. */
function workspaceRoots(
  block: YarnBlock,
  byDescriptor: Map<string, string>,
  readSibling?: ReadSibling,
): GraphRoot[] {
  const resolution = block.fields.get('resolution') ?? '';
  const folder = splitDescriptor(resolution).range.slice('workspace:'.length);
  const manifestPath = folder === '.' || folder === '' ? 'package.json' : `${folder}/package.json`;
  const manifest = readManifest(readSibling, manifestPath);
  const devOnly = new Set<string>();
  if (manifest) {
    const declared = declaredDependencies(manifest);
    const prod = new Set(declared.filter((dep) => !dep.dev).map((dep) => dep.name));
    for (const dep of declared) if (dep.dev && !prod.has(dep.name)) devOnly.add(dep.name);
  }
  const roots: GraphRoot[] = [];
  for (const [name, spec] of block.maps.get('dependencies') ?? []) {
    const id = byDescriptor.get(`${name}@${spec}`);
    if (id) roots.push({ id, dev: devOnly.has(name) });
  }
  return roots;
}
