import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { lockfileError } from './lockfile-error.js';
import { declaredDependencies, readManifest } from './manifest.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { assertYarnContent, blockVersion, readYarnBlocks, splitDescriptor } from './yarn-blocks.js';

const HINT = 'regenerate it with `yarn install` (or restore it from version control)';

/** Ranges that do not come from the registry: local folders, links, git and tarball URLs. */
const OUTSIDE_REGISTRY = /^(file:|link:|portal:|git|github:|https?:|ssh:|\.{0,2}\/)/;

/**
 * yarn.lock classic (`# yarn lockfile v1`). Direct dependencies come from the package.json
 * beside it. yarn.lock classic has no root entry, so entries nothing depends on (such as
 * workspace members' dependencies) are taken as direct and as production. `npm:` aliases
 * resolve to the real name; `file:`, `link:`, git and URL entries are not registry releases and
 * are left out, though what they depend on keeps its paths.
 */
export function parseYarnClassic(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  assertYarnContent(path, content, HINT);
  const blocks = readYarnBlocks(path, content, false, HINT);
  const nodes = new Map<string, GraphNode>();
  const byDescriptor = new Map<string, string>();

  for (const block of blocks) {
    const id = block.descriptors[0];
    const { name: key, range } = splitDescriptor(id);
    const alias = /^npm:((?:@[^/@]+\/)?[^@]+)@/.exec(range);
    const version = blockVersion(path, block, HINT);
    if (version === undefined) {
      // yarn writes a version into every entry, so one without it is a damaged file.
      throw lockfileError(path, block.line, `${path}: entry "${id}" has no version`, HINT);
    }
    const deps = [
      ...(block.maps.get('dependencies') ?? []),
      ...(block.maps.get('optionalDependencies') ?? []),
    ].map(([name, spec]) => `${name}@${spec}`);
    const thirdParty =
      !OUTSIDE_REGISTRY.test(alias ? '' : range) &&
      !/^(file|link):/.test(block.fields.get('resolved') ?? '');
    nodes.set(id, {
      id,
      name: alias ? alias[1] : key,
      version,
      line: block.line,
      thirdParty,
      deps,
    });
    for (const descriptor of block.descriptors) byDescriptor.set(descriptor, id);
  }
  for (const node of nodes.values()) {
    node.deps = node.deps.flatMap((descriptor) => byDescriptor.get(descriptor) ?? []);
  }

  const roots = classicRoots(nodes, byDescriptor, readSibling);
  const packages = packagesFromGraph(nodes, roots, 'npm', path);
  return { lockfile: path, format: 'yarn.lock v1', packages, unpinned: [] };
}

function classicRoots(
  nodes: Map<string, GraphNode>,
  byDescriptor: Map<string, string>,
  readSibling?: ReadSibling,
): GraphRoot[] {
  const roots: GraphRoot[] = [];
  const seen = new Set<string>();
  const manifest = readManifest(readSibling);
  for (const dep of manifest ? declaredDependencies(manifest) : []) {
    const id = byDescriptor.get(`${dep.name}@${dep.range}`);
    if (id && !seen.has(id)) roots.push({ id, dev: dep.dev });
    if (id) seen.add(id);
  }
  const required = new Set(Array.from(nodes.values(), (node) => node.deps).flat());
  for (const id of nodes.keys()) {
    if (!required.has(id) && !seen.has(id)) roots.push({ id, dev: false });
  }
  return roots;
}
