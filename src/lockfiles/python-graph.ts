import { parse } from 'smol-toml';
import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import type { Package, ReadSibling } from './package.js';
import { normalizePyName, pyprojectDeclared } from './python-names.js';
import { isDict } from './values.js';

/** One locked Python distribution before it becomes a Package. */
export interface PythonEntry {
  name: string;
  version: string;
  line: number;
  dev?: boolean;
  thirdParty: boolean;
  /** Names of the distributions it depends on, as written. */
  deps: string[];
}

/**
 * Build PyPI packages from a Python lockfile's entries. Packages locked only for other platforms
 * or Python versions (environment markers) are reported as if installed. `declared` maps normalised names of the
 * project's own dependencies to whether they are for development only; without it, entries
 * nothing depends on are taken as the direct ones.
 */
export function pythonPackages(
  entries: readonly PythonEntry[],
  declared: ReadonlyMap<string, boolean> | undefined,
  lockfile: string,
): Package[] {
  const nodes = new Map<string, GraphNode>();
  const byName = new Map<string, string[]>();
  entries.forEach((entry, index) => {
    const key = normalizePyName(entry.name);
    const id = `${key}@${entry.version}#${index}`;
    byName.set(key, [...(byName.get(key) ?? []), id]);
    nodes.set(id, { id, ...entry, deps: entry.deps });
  });
  for (const node of nodes.values()) {
    node.deps = node.deps.flatMap((dep) => byName.get(normalizePyName(dep)) ?? []);
  }

  const roots: GraphRoot[] = [];
  if (declared) {
    for (const [name, dev] of declared) {
      for (const id of byName.get(name) ?? []) roots.push({ id, dev });
    }
  } else {
    const required = new Set([...nodes.values()].flatMap((node) => node.deps));
    for (const node of nodes.values()) {
      if (!required.has(node.id)) roots.push({ id: node.id, dev: node.dev ?? false });
    }
  }
  return packagesFromGraph(nodes, roots, 'PyPI', lockfile);
}

/** The dependencies declared by the pyproject.toml beside the lockfile, when it can be read. */
export function readPyprojectDeclared(readSibling?: ReadSibling): Map<string, boolean> | undefined {
  const text = readSibling?.('pyproject.toml');
  if (text === undefined) return undefined;
  try {
    const pyproject = parse(text);
    const declared = isDict(pyproject) ? pyprojectDeclared(pyproject) : new Map<string, boolean>();
    return declared.size > 0 ? declared : undefined;
  } catch {
    return undefined;
  }
}
