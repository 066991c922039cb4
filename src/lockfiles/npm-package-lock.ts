import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument, type JsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import { readManifest } from './manifest.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { dict, isDict, keysOf, str, type Dict } from './values.js';

const HINT =
  'regenerate it with `npm install --package-lock-only` (or restore it from version control)';
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
  const doc = withValueLines(content, parseJsonDocument(path, content, { hint: HINT }));
  const root = doc.value;
  if (!isDict(root)) throw lockfileError(path, 1, `${path} is not a package-lock object`, HINT);

  for (const field of ['packages', 'dependencies']) {
    if (root[field] === undefined || isDict(root[field])) continue;
    const line = doc.lineOf([field]) ?? 1;
    throw lockfileError(path, line, `${path}: "${field}" is not an object`, HINT);
  }
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

/**
 * The document with a fallback for keys whose value is not an object, which the scanner does
 * not index: the first line at or after the parent's line that holds the key. Only errors ask.
 */
function withValueLines(content: string, doc: JsonDocument): JsonDocument {
  const lineOf = (jsonPath: readonly string[]): number | undefined => {
    const known = doc.lineOf(jsonPath);
    if (known !== undefined || jsonPath.length === 0) return known;
    const from = doc.lineOf(jsonPath.slice(0, -1)) ?? 1;
    const key = `${JSON.stringify(jsonPath[jsonPath.length - 1])}:`;
    const lines = content.split('\n');
    for (let index = from - 1; index < lines.length; index++) {
      if (lines[index].replace(/"\s+:/g, '":').includes(key)) return index + 1;
    }
    return undefined;
  };
  return { value: doc.value, lineOf };
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

/**
 * Whether a `resolved` value points outside the registry: git, a folder or a link. An http(s)
 * URL of any shape is a registry tarball (npm, GitHub Packages, Artifactory, a mirror): npm
 * records a tarball-URL dependency by the URL in the dependent's spec, read by isUrlSpec.
 */
function isOutsideRegistry(value: string | undefined): boolean {
  if (value === undefined) return false;
  return /^(git\+|git:|github:|gitlab:|bitbucket:|file:|link:)/.test(value);
}

/** Whether a dependency spec or a v1 `version` names a URL, git, a folder or a link. */
function isUrlSpec(value: unknown): boolean {
  return typeof value === 'string' && (isOutsideRegistry(value) || /^https?:\/\//.test(value));
}

/** The version of an install location; fails when it is missing or not a string. */
function versionAt(path: string, line: number, location: string, entry: Dict): string {
  const version = entry.version;
  if (typeof version === 'string' && version !== '') return version;
  const what = version === undefined ? 'has no "version"' : `has a ${typeof version} "version"`;
  throw lockfileError(path, line, `${path}: "${location}" ${what}, not a version string`, HINT);
}

/** The real name of a location: its `name` field (aliases), else the last path segment. */
function nameAt(location: string, entry: Dict): string {
  const name = str(entry.name);
  if (name) return name;
  const at = location.lastIndexOf('node_modules/');
  return location.slice(at + 'node_modules/'.length);
}

/** Versions 2 and 3: one entry per install location, resolved like Node. */
function fromLocations(path: string, locations: Dict, doc: JsonDocument) {
  const nodes = new Map<string, GraphNode>();
  const roots: GraphRoot[] = [];
  const byUrl = new Set<string>();

  for (const [location, value] of Object.entries(locations)) {
    const line = doc.lineOf(['packages', location]) ?? 1;
    if (!isDict(value)) {
      throw lockfileError(path, line, `${path}: "${location}" is not an object`, HINT);
    }
    const entry = value;
    if (!location.includes('node_modules/')) {
      for (const root of declared(locations, location, entry, byUrl)) roots.push(root);
      continue;
    }
    if (entry.link === true) continue;
    const version = versionAt(path, line, location, entry);
    const deps = dependencies(locations, location, entry, byUrl);
    const thirdParty = !isOutsideRegistry(str(entry.resolved)) && !isUrlSpec(version);
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
  for (const location of byUrl) {
    const node = nodes.get(location);
    if (node) node.thirdParty = false;
  }
  return packagesFromGraph(nodes, roots, 'npm', path);
}

/**
 * The install locations an entry's production dependencies resolve to; those whose spec is a
 * URL, git or a folder go into `byUrl`, since npm records such a dependency only there.
 */
function dependencies(locations: Dict, location: string, entry: Dict, byUrl: Set<string>) {
  const deps: string[] = [];
  for (const field of PROD_FIELDS) {
    for (const [dep, spec] of Object.entries(dict(entry[field]))) {
      const target = resolveLocation(locations, location, dep);
      if (!target) continue;
      deps.push(target);
      if (isUrlSpec(spec)) byUrl.add(target);
    }
  }
  return deps;
}

/** The dependencies the project declares at a workspace location (`` is the root). */
function declared(locations: Dict, location: string, entry: Dict, byUrl?: Set<string>) {
  const roots: GraphRoot[] = [];
  const add = (field: unknown, dev: boolean) => {
    for (const [name, spec] of Object.entries(dict(field))) {
      let id = resolveLocation(locations, location, name);
      const target = id === undefined ? undefined : dict(locations[id]);
      if (target?.link === true) id = undefined;
      if (!id) continue;
      roots.push({ id, dev });
      if (isUrlSpec(spec)) byUrl?.add(id);
    }
  };
  for (const field of PROD_FIELDS) add(entry[field], false);
  add(entry.devDependencies, true);
  return roots;
}

/** lockfileVersion 1: a nested tree of `dependencies`, each with `requires`. */
function fromTree(path: string, top: Dict, doc: JsonDocument, readSibling?: ReadSibling) {
  const nodes = new Map<string, GraphNode>();
  const requires = new Map<string, string[]>();
  // An explicit stack, not recursion: the nesting depth comes from the file.
  const stack: Array<{ tree: Dict; base: string; jsonPath: string[] }> = [
    { tree: top, base: '', jsonPath: ['dependencies'] },
  ];
  for (let level = stack.pop(); level; level = stack.pop()) {
    const { tree, base, jsonPath } = level;
    for (const [key, value] of Object.entries(tree)) {
      const location = base === '' ? `node_modules/${key}` : `${base}/node_modules/${key}`;
      const entryPath = [...jsonPath, key];
      const line = doc.lineOf(entryPath) ?? 1;
      if (!isDict(value)) {
        const what = `${path}: dependency "${key}" is a ${typeof value}, not an object`;
        throw lockfileError(path, line, what, HINT);
      }
      const raw = versionAt(path, line, key, value);
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw);
      const thirdParty = !isUrlSpec(raw) && !isOutsideRegistry(str(value.resolved));
      nodes.set(location, {
        id: location,
        name: alias ? alias[1] : key,
        version: alias ? alias[2] : raw,
        line,
        dev: value.dev === true,
        thirdParty,
        deps: [],
      });
      requires.set(location, keysOf(value.requires));
      if (isDict(value.dependencies)) {
        stack.push({
          tree: value.dependencies,
          base: location,
          jsonPath: [...entryPath, 'dependencies'],
        });
      }
    }
  }

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
