import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult } from './package.js';
import { dict, isDict, keysOf, list, str } from './values.js';
import { splitDescriptor } from './yarn-blocks.js';

const HINT = 'regenerate it with `bun install` (or restore it from version control)';

/** Split a bun hoisting key `a/@s/b/c` into its package names: [a, @s/b, c]. */
function segments(key: string): string[] {
  const parts = key.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    out.push(
      parts[i].startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i],
    );
  }
  return out;
}

/** Bun's resolution: `from/name`, then each shorter prefix of `from`, then `name` at the top. */
function resolveKey(keys: ReadonlySet<string>, from: string[], name: string): string | undefined {
  for (let depth = from.length; depth >= 0; depth--) {
    const candidate = [...from.slice(0, depth), name].join('/');
    if (keys.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * bun.lock, the text lockfile (JSONC with trailing commas). `packages` keys are hoisting paths
 * and each value starts with the resolved `name@version`, which resolves aliases. Workspace
 * members, `file:` and `link:` folders are the project's own code and are left out; git and
 * tarball entries are not registry releases and are left out too, though what they depend on
 * keeps its paths. deno.lock JSR and remote modules, and the binary bun.lockb, are not read.
 */
export function parseBunLock(path: string, content: string): LockfileResult {
  const doc = parseJsonDocument(path, content, { jsonc: true, hint: HINT });
  const root = dict(doc.value);
  if (!isDict(root.packages)) throw lockfileError(path, 1, `${path} has no "packages"`, HINT);
  const entries = root.packages;
  const keys = new Set(Object.keys(entries));
  const nodes = new Map<string, GraphNode>();

  for (const [key, value] of Object.entries(entries)) {
    const tuple = list(value);
    const resolved = str(tuple[0]);
    if (resolved === undefined) {
      const line = doc.lineOf(['packages', key]);
      throw lockfileError(path, line, `${path}: package "${key}" has no resolution`, HINT);
    }
    const { name, range: version } = splitDescriptor(resolved);
    const meta = dict(tuple.find((item, index) => index > 0 && isDict(item)));
    const from = segments(key);
    const deps: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const dep of keysOf(meta[field])) {
        const target = resolveKey(keys, from, dep);
        if (target) deps.push(target);
      }
    }
    const line = doc.lineOf(['packages', key]) ?? 1;
    const thirdParty = /^\d/.test(version);
    nodes.set(key, { id: key, name, version, line, thirdParty, deps });
  }

  const roots: GraphRoot[] = [];
  for (const workspace of Object.values(dict(root.workspaces))) {
    const member = dict(workspace);
    const memberName = str(member.name);
    const base = memberName && keys.has(memberName) ? [memberName] : [];
    const add = (field: string, dev: boolean) => {
      for (const dep of keysOf(member[field])) {
        const id = resolveKey(keys, base, dep);
        if (id) roots.push({ id, dev });
      }
    };
    add('dependencies', false);
    add('optionalDependencies', false);
    add('peerDependencies', false);
    add('devDependencies', true);
  }

  const packages = packagesFromGraph(nodes, roots, 'npm', path);
  const format = `bun.lock v${String(root.lockfileVersion ?? 0)}`;
  return { lockfile: path, format, packages, unpinned: [] };
}
