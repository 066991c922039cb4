import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult } from './package.js';
import { dict, isDict, list, str, type Dict } from './values.js';
import { splitDescriptor } from './yarn-blocks.js';

const HINT = 'regenerate it with `deno install` (or restore it from version control)';

/**
 * deno.lock versions 3, 4 and 5: the npm packages it locks. deno.lock JSR and remote modules,
 * and the binary bun.lockb, are not read: they have no OSV ecosystem Bulwark matches. Direct dependencies are the
 * `workspace` section's npm specifiers, or every top-level npm specifier when it is absent.
 */
export function parseDenoLock(path: string, content: string): LockfileResult {
  const doc = parseJsonDocument(path, content, { hint: HINT });
  const root = dict(doc.value);
  const version = String(root.version ?? '');
  if (!/^[345]$/.test(version)) {
    const line = doc.lineOf(['version']) ?? 1;
    throw lockfileError(
      path,
      line,
      `${path} has lockfile version "${version}", not 3, 4 or 5`,
      HINT,
    );
  }
  const v3 = version === '3';
  const npm = dict(v3 ? dict(root.packages).npm : root.npm);
  const specifiers = dict(v3 ? dict(root.packages).specifiers : root.specifiers);
  const npmPath = v3 ? ['packages', 'npm'] : ['npm'];

  const byName = new Map<string, string[]>();
  for (const key of Object.keys(npm)) {
    const name = splitDescriptor(key).name;
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const resolve = (ref: string): string | undefined => {
    const bare = ref.replace(/^npm:/, '');
    if (bare in npm) return bare;
    const candidates = byName.get(bare) ?? [];
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  const nodes = new Map<string, GraphNode>();
  for (const [key, value] of Object.entries(npm)) {
    const entry = dict(value);
    const { name, range } = splitDescriptor(key);
    const deps = dependencyRefs(entry).flatMap((ref) => resolve(ref) ?? []);
    const line = doc.lineOf([...npmPath, key]) ?? 1;
    const version = range.split('_')[0];
    nodes.set(key, { id: key, name, version, line, thirdParty: true, deps });
  }

  const roots = denoRoots(root, specifiers, resolve);
  const packages = packagesFromGraph(nodes, roots, 'npm', path);
  return { lockfile: path, format: `deno.lock v${version}`, packages, unpinned: [] };
}

/** An npm entry's dependencies: a map name → `name@version` (v3) or a list of refs (v4, v5). */
function dependencyRefs(entry: Dict): string[] {
  const refs: string[] = [];
  for (const field of ['dependencies', 'optionalDependencies']) {
    const value = entry[field];
    if (Array.isArray(value)) refs.push(...value.filter((v): v is string => typeof v === 'string'));
    else for (const ref of Object.values(dict(value))) if (typeof ref === 'string') refs.push(ref);
  }
  return refs;
}

/**
 * The npm specifiers the project declares: the `workspace` section's (and its members'), or
 * every top-level specifier when the section is absent, resolved to locked package keys.
 */
function denoRoots(
  root: Dict,
  specifiers: Dict,
  resolve: (ref: string) => string | undefined,
): GraphRoot[] {
  const roots: GraphRoot[] = [];
  const workspace = dict(root.workspace);
  const declared = isDict(root.workspace)
    ? [
        ...list(workspace.dependencies),
        ...list(dict(workspace.packageJson).dependencies),
        ...Object.values(dict(workspace.members)).flatMap((m) => list(dict(m).dependencies)),
      ]
    : Object.keys(specifiers);
  for (const specifier of declared) {
    if (typeof specifier !== 'string' || !specifier.startsWith('npm:')) continue;
    const { name } = splitDescriptor(specifier.slice('npm:'.length));
    const locked = str(specifiers[specifier]);
    const id =
      locked === undefined
        ? undefined
        : resolve(locked.includes('@', 1) ? locked : `${name}@${locked}`);
    if (id) roots.push({ id, dev: false });
  }

  return roots;
}
