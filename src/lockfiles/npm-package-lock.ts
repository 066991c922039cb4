import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument, type JsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import { readManifest } from './manifest.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { dict, isDict, keysOf, str, type Dict } from './values.js';

const HINT = 'regenerate it with `npm install` (or restore it from version control)';
const PROD_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. Versions 2 and 3 are
 * read from `packages` (install locations); version 1 from the nested `dependencies` tree, with
 * direct dependencies taken from the package.json beside it. Workspace members, links and
 * `file:` directories are the project's own code and are left out; git and tarball-URL
 * dependencies are not registry releases, so they are left out too, though packages reached
 * through them keep their paths.
 */
export function parseNpmPackageLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const doc = parseJsonDocument(path, content, { hint: HINT });
  const root = doc.value;
  if (!isDict(root)) throw lockfileError(path, 1, `${path} is not a package-lock object`, HINT);

  const format = `package-lock v${String(root.lockfileVersion ?? 1)}`;
  if (isDict(root.packages)) {
    const packages = fromLocations(path, root.packages, doc);
    return { lockfile: path, format, packages, unpinned: [] };
  }
  if (isDict(root.dependencies) || root.lockfileVersion === 1) {
    const packages = fromTree(path, dict(root.dependencies), doc, readSibling);
    return { lockfile: path, format, packages, unpinned: [] };
  }
  throw lockfileError(path, 1, `${path} has neither "packages" nor "dependencies"`, HINT);
}

/** The location that contains `location`: `a/node_modules/b` → `a`; `node_modules/a` → ``. */
function parentLocation(location: string): string {
  const at = location.lastIndexOf('/node_modules/');
  if (at !== -1) return location.slice(0, at);
  return '';
}

/** Node's resolution: the nearest `node_modules/<name>` from `from` up to the root. */
function resolveLocation(locations: Dict, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (Object.hasOwn(locations, candidate)) return candidate;
    if (base === '') return undefined;
    base = parentLocation(base);
  }
}

/** Whether a `resolved`/`version` value points outside the registry (git, file, link, URL). */
function isOutsideRegistry(value: string | undefined): boolean {
  if (value === undefined) return false;
  return /^(git\+|git:|github:|gitlab:|bitbucket:|file:|link:|https?:\/\/(?!.*\/-\/[^/]+\.tgz))/.test(
    value,
  );
}

/** The real name of a location: its `name` field (aliases), else the last path segment. */
function nameAt(location: string, entry: Dict): string {
  const name = str(entry.name);
  if (name) return name;
  const at = location.lastIndexOf('node_modules/');
  return location.slice(at + 'node_modules/'.length);
}

function fromLocations(path: string, locations: Dict, doc: JsonDocument) {
  const nodes = new Map<string, GraphNode>();
  const roots: GraphRoot[] = [];

  for (const [location, value] of Object.entries(locations)) {
    const entry = dict(value);
    const line = doc.lineOf(['packages', location]) ?? 1;
    if (!location.includes('node_modules/')) {
      roots.push(...declared(locations, location, entry));
      continue;
    }
    if (entry.link === true) continue;
    const version = str(entry.version);
    if (version === undefined) continue;
    const deps: string[] = [];
    for (const field of PROD_FIELDS) {
      for (const dep of keysOf(entry[field])) {
        const target = resolveLocation(locations, location, dep);
        if (target) deps.push(target);
      }
    }
    const thirdParty = !isOutsideRegistry(str(entry.resolved)) && !isOutsideRegistry(version);
    const name = nameAt(location, entry);
    nodes.set(location, {
      id: location,
      name,
      version,
      line,
      dev: entry.dev === true,
      thirdParty,
      deps,
    });
  }
  return packagesFromGraph(nodes, roots, 'npm', path);
}

/** The dependencies the project declares at a workspace location (`` is the root). */
function declared(locations: Dict, location: string, entry: Dict): GraphRoot[] {
  const roots: GraphRoot[] = [];
  const add = (names: string[], dev: boolean) => {
    for (const name of names) {
      let id = resolveLocation(locations, location, name);
      const target = id === undefined ? undefined : dict(locations[id]);
      if (target?.link === true) id = undefined;
      if (id) roots.push({ id, dev });
    }
  };
  for (const field of PROD_FIELDS) add(keysOf(entry[field]), false);
  add(keysOf(entry.devDependencies), true);
  return roots;
}

/** lockfileVersion 1: a nested tree of `dependencies`, each with `requires`. */
function fromTree(path: string, top: Dict, doc: JsonDocument, readSibling?: ReadSibling) {
  const nodes = new Map<string, GraphNode>();
  const requires = new Map<string, string[]>();
  const walk = (tree: Dict, base: string, jsonPath: string[]) => {
    for (const [key, value] of Object.entries(tree)) {
      const entry = dict(value);
      const location = base === '' ? `node_modules/${key}` : `${base}/node_modules/${key}`;
      const entryPath = [...jsonPath, key];
      const raw = str(entry.version) ?? '';
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw);
      const name = alias ? alias[1] : key;
      const version = alias ? alias[2] : raw;
      const thirdParty = !isOutsideRegistry(raw) && !isOutsideRegistry(str(entry.resolved));
      const line = doc.lineOf(entryPath) ?? 1;
      nodes.set(location, {
        id: location,
        name,
        version,
        line,
        dev: entry.dev === true,
        thirdParty,
        deps: [],
      });
      requires.set(location, keysOf(entry.requires));
      if (isDict(entry.dependencies)) {
        walk(entry.dependencies, location, [...entryPath, 'dependencies']);
      }
    }
  };
  walk(top, '', ['dependencies']);

  const locations: Dict = Object.fromEntries([...nodes.keys()].map((id) => [id, true]));
  for (const [location, names] of requires) {
    const node = nodes.get(location) as GraphNode;
    for (const name of names) {
      const target = resolveLocation(locations, location, name);
      if (target) node.deps.push(target);
    }
  }
  return packagesFromGraph(nodes, treeRoots(nodes, locations, readSibling), 'npm', path);
}

/**
 * Direct dependencies of a version 1 lockfile come from package.json. Without package.json, a
 * version 1 package-lock takes as direct only the top-level entries nothing else requires.
 */
function treeRoots(
  nodes: Map<string, GraphNode>,
  locations: Dict,
  readSibling?: ReadSibling,
): GraphRoot[] {
  const manifest = readManifest(readSibling);
  if (manifest) return declared(locations, '', manifest);
  const required = new Set<string>();
  for (const node of nodes.values()) for (const dep of node.deps) required.add(dep);
  return [...nodes.values()]
    .filter((node) => !node.id.includes('/node_modules/') && !required.has(node.id))
    .map((node) => ({ id: node.id, dev: node.dev === true }));
}
