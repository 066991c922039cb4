import type { Ecosystem, Package } from './package.js';

/** How many shortest dependency paths each package keeps. */
export const MAX_PATHS = 5;

/** One entry of a lockfile's dependency graph. */
export interface GraphNode {
  /** Unique key of the entry within the lockfile (an install location, a descriptor...). */
  id: string;
  name: string;
  version: string;
  line: number;
  /** The lockfile's own development flag; undefined lets the graph decide from the roots. */
  dev?: boolean;
  /** False for entries that are not registry packages (git, file, link): kept for paths only. */
  thirdParty: boolean;
  /** Ids of the entries this one depends on (unknown ids are ignored). */
  deps: string[];
}

/** A dependency declared by the project itself. */
export interface GraphRoot {
  id: string;
  dev: boolean;
}

/** A path step: the node reached and the step it came from. */
interface Step {
  node: GraphNode;
  previous: Step | undefined;
}

/**
 * Turn a dependency graph into packages: direct from the roots, paths by breadth-first search
 * (the first MAX_PATHS simple paths that reach a node are its shortest), dev from the lockfile's
 * flag or else from whether any production root reaches the node. Entries with the same name
 * and version merge into one package declared at the first line.
 */
export function packagesFromGraph(
  nodes: ReadonlyMap<string, GraphNode>,
  roots: readonly GraphRoot[],
  ecosystem: Ecosystem,
  lockfile: string,
): Package[] {
  const paths = shortestPaths(nodes, roots);
  const prod = reachable(
    nodes,
    roots.filter((root) => !root.dev),
  );
  const direct = new Set(roots.map((root) => root.id));
  const merged = new Map<string, Package>();

  for (const node of nodes.values()) {
    if (!node.thirdParty) continue;
    const dev = node.dev ?? !prod.has(node.id);
    const found = paths.get(node.id) ?? [];
    const key = `${node.name}@${node.version}`;
    const known = merged.get(key);
    if (!known) {
      const entry: Package = {
        ecosystem,
        name: node.name,
        version: node.version,
        direct: direct.has(node.id),
        dev,
        paths: found,
        line: node.line,
        lockfile,
      };
      merged.set(key, entry);
      continue;
    }
    known.direct ||= direct.has(node.id);
    known.dev &&= dev;
    known.line = Math.min(known.line, node.line);
    known.paths = mergePaths(known.paths, found);
  }
  return [...merged.values()].sort((a, b) => a.line - b.line);
}

/** The shortest few of two path lists, without duplicates. */
function mergePaths(a: string[][], b: string[][]): string[][] {
  if (b.length === 0) return a;
  const seen = new Set(a.map((path) => path.join('>')));
  const all = [...a, ...b.filter((path) => !seen.has(path.join('>')))];
  return all.sort((x, y) => x.length - y.length).slice(0, MAX_PATHS);
}

/** Breadth-first search from all roots at once, keeping up to MAX_PATHS paths per node. */
function shortestPaths(
  nodes: ReadonlyMap<string, GraphNode>,
  roots: readonly GraphRoot[],
): Map<string, string[][]> {
  const found = new Map<string, Step[]>();
  let queue: Step[] = [];
  for (const root of roots) {
    const node = nodes.get(root.id);
    if (node) queue.push({ node, previous: undefined });
  }

  while (queue.length > 0) {
    const next: Step[] = [];
    for (const step of queue) {
      const list = found.get(step.node.id) ?? [];
      if (list.length >= MAX_PATHS || list.some((s) => s.previous === step.previous)) continue;
      list.push(step);
      found.set(step.node.id, list);
      for (const id of step.node.deps) {
        const child = nodes.get(id);
        if (child && !onPath(step, id)) next.push({ node: child, previous: step });
      }
    }
    queue = next;
  }

  const paths = new Map<string, string[][]>();
  for (const [id, steps] of found) paths.set(id, dedupe(steps.map(toPath)));
  return paths;
}

/** Whether `id` already appears on the path ending at `step` (a cycle). */
function onPath(step: Step, id: string): boolean {
  for (let s: Step | undefined = step; s; s = s.previous) if (s.node.id === id) return true;
  return false;
}

function toPath(step: Step): string[] {
  const path: string[] = [];
  for (let s: Step | undefined = step; s; s = s.previous) {
    path.push(`${s.node.name}@${s.node.version}`);
  }
  return path.reverse();
}

function dedupe(paths: string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = path.join('>');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Ids of all nodes reachable from the given roots. */
function reachable(
  nodes: ReadonlyMap<string, GraphNode>,
  roots: readonly GraphRoot[],
): Set<string> {
  const seen = new Set<string>();
  const stack = roots.map((root) => root.id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || !nodes.has(id)) continue;
    seen.add(id);
    for (const dep of (nodes.get(id) as GraphNode).deps) if (!seen.has(dep)) stack.push(dep);
  }
  return seen;
}
