import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult } from './package.js';
import { dict, isDict, str, type Dict } from './values.js';
import { parseYamlDocuments, type YamlSection } from './yaml-documents.js';

const HINT = 'regenerate it with `pnpm install` (or restore it from version control)';

/** Key styles: 5.x `/name/1.0.0_peer`, 6.x `/name@1.0.0(peer)`, 9.x `name@1.0.0(peer)`. */
type Style = 'v5' | 'v6' | 'v9';

const IMPORTER_FIELDS: Array<[string, boolean]> = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
  ['configDependencies', true],
  ['packageManagerDependencies', true],
];

/**
 * pnpm-lock.yaml 5.x, 6.x and 9.x, including the multi-document form where pnpm writes the
 * lock of its own tooling (`configDependencies`, `packageManagerDependencies`) before the
 * project's: every document is read, and the tooling counts as direct development dependencies.
 * Importers (the root and workspace members) give the direct dependencies; their resolved
 * versions already stand for `catalog:` specifiers. `link:` targets are workspace members and
 * are left out; `file:`, git and tarball entries are not registry releases and are left out,
 * though what they depend on keeps its paths.
 */
export function parsePnpmLock(path: string, content: string): LockfileResult {
  const documents = parseYamlDocuments(path, content, HINT);
  const nodes = new Map<string, GraphNode>();
  const roots: GraphRoot[] = [];
  const versions: string[] = [];

  documents.forEach((document, index) => {
    const doc = dict(document.value);
    if (doc.lockfileVersion === undefined) return;
    const version = String(doc.lockfileVersion);
    versions.push(version);
    assertSections(path, doc, content);
    const major = Number.parseFloat(version);
    const style: Style = major >= 9 ? 'v9' : major >= 6 ? 'v6' : 'v5';
    readDocument(doc, document, style, `${index}:`, nodes, roots);
  });
  if (versions.length === 0) {
    throw lockfileError(path, 1, `${path} has no lockfileVersion`, HINT);
  }

  const packages = packagesFromGraph(nodes, roots, 'npm', path);
  const format = `pnpm-lock v${versions.join(' + ')}`;
  return { lockfile: path, format, packages, unpinned: [] };
}

function readDocument(
  doc: Dict,
  section: YamlSection,
  style: Style,
  prefix: string,
  nodes: Map<string, GraphNode>,
  roots: GraphRoot[],
): void {
  const entries = style === 'v9' ? dict(doc.snapshots ?? doc.packages) : dict(doc.packages);
  const ids = new Set(Object.keys(entries));
  const resolve = (name: string, ref: string) => {
    const key = candidateKeys(style, name, ref).find((candidate) => ids.has(candidate));
    return key === undefined ? undefined : prefix + key;
  };

  for (const [key, value] of Object.entries(entries)) {
    const entry = dict(value);
    const parsed = parseKey(style, key);
    const name = str(entry.name) ?? parsed.name;
    const version = str(entry.version) ?? parsed.version;
    const bare = key.split('(')[0];
    // v9 declares a package once under `packages` (no peer suffix) and its peer variants under
    // `snapshots`; v6 and older keep the peer suffix in the `packages` key itself.
    const line =
      section.keyLine('packages', bare) ??
      section.keyLine('packages', key) ??
      section.keyLine('snapshots', key) ??
      1;
    const deps: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [dep, ref] of Object.entries(dict(entry[field]))) {
        const id = typeof ref === 'string' ? resolve(dep, ref) : undefined;
        if (id) deps.push(id);
      }
    }
    const dev = typeof entry.dev === 'boolean' ? entry.dev : undefined;
    const thirdParty = parsed.registry;
    nodes.set(prefix + key, { id: prefix + key, name, version, line, dev, thirdParty, deps });
  }

  const importers = isDict(doc.importers) ? Object.values(doc.importers) : [doc];
  for (const importer of importers) {
    for (const [field, dev] of IMPORTER_FIELDS) {
      for (const [name, spec] of Object.entries(dict(dict(importer)[field]))) {
        const ref = typeof spec === 'string' ? spec : str(dict(spec).version);
        const id = ref === undefined ? undefined : resolve(name, ref);
        if (id) roots.push({ id, dev });
      }
    }
  }
}

/** Fail when a section pnpm writes as a map holds something else (`packages: 5`). */
function assertSections(path: string, doc: Dict, content: string): void {
  for (const field of ['importers', 'packages', 'snapshots']) {
    const value = doc[field];
    if (value === undefined || value === null || isDict(value)) continue;
    const at = new RegExp(`^${field}:`, 'm').exec(content)?.index ?? 0;
    const line = content.slice(0, at).split('\n').length;
    throw lockfileError(path, line, `${path}: "${field}" is not a map`, HINT);
  }
}

/** The package keys a dependency reference may point at (aliases carry their own key). */
function candidateKeys(style: Style, name: string, ref: string): string[] {
  if (ref.startsWith('link:')) return [];
  if (style === 'v9') {
    const aliased = /^(@[^/@]+\/)?[^@/():]+@/.test(ref);
    return aliased ? [ref, `${name}@${ref}`] : [`${name}@${ref}`, ref];
  }
  if (ref.startsWith('/')) return [ref];
  return style === 'v6' ? [`/${name}@${ref}`, ref] : [`/${name}/${ref}`, ref];
}

/** Name and version from a package key, and whether the key names a registry release. */
function parseKey(style: Style, key: string): { name: string; version: string; registry: boolean } {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  let name: string;
  let version: string;
  if (style === 'v5') {
    const slash = bare.lastIndexOf('/');
    name = bare.slice(0, slash);
    version = bare.slice(slash + 1).split('_')[0];
  } else {
    const plain = bare.split('(')[0];
    const at = plain.indexOf('@', 1);
    name = at === -1 ? plain : plain.slice(0, at);
    version = at === -1 ? '' : plain.slice(at + 1);
  }
  const registry = (style === 'v9' || key.startsWith('/')) && /^\d+\.\d+\.\d+/.test(version);
  return { name, version, registry };
}
