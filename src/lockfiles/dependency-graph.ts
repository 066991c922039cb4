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

/** A path step: the index of the node reached and the step it came from. */
interface Step {
  node: number;
  previous: Step | undefined;
}

/**
 * Breadth-first search from all roots at once, keeping up to MAX_PATHS paths per node. Nodes
 * are numbered and their children resolved once, so the search itself does no lookups by id.
 */
function shortestPaths(
  nodes: ReadonlyMap<string, GraphNode>,
  roots: readonly GraphRoot[],
): Map<string, string[][]> {
  const list = [...nodes.values()];
  const index = new Map(list.map((node, i) => [node.id, i]));
  const children = list.map((node) => [...new Set(node.deps.flatMap((id) => index.get(id) ?? []))]);
  const found: Step[][] = list.map(() => []);
  let queue: Step[] = [];
  for (const root of new Set(roots.map((r) => r.id))) {
    const at = index.get(root);
    if (at !== undefined) queue.push({ node: at, previous: undefined });
  }

  while (queue.length > 0) {
    const next: Step[] = [];
    for (const step of queue) {
      const steps = found[step.node];
      if (steps.length >= MAX_PATHS) continue;
      steps.push(step);
      for (const child of children[step.node]) {
        if (found[child].length < MAX_PATHS && !onPath(step, child)) {
          next.push({ node: child, previous: step });
        }
      }
    }
    queue = next;
  }

  const labels = list.map((node) => `${node.name}@${node.version}`);
  const paths = new Map<string, string[][]>();
  found.forEach((steps, i) => {
    if (steps.length > 0) paths.set(list[i].id, dedupe(steps.map((s) => toPath(s, labels))));
  });
  return paths;
}

/** Whether node `at` already appears on the path ending at `step` (a cycle). */
function onPath(step: Step, at: number): boolean {
  for (let s: Step | undefined = step; s; s = s.previous) if (s.node === at) return true;
  return false;
}

function toPath(step: Step, labels: string[]): string[] {
  let length = 0;
  for (let s: Step | undefined = step; s; s = s.previous) length++;
  const path = new Array<string>(length);
  for (let s: Step | undefined = step; s; s = s.previous) path[--length] = labels[s.node];
  return path;
}

/**
 * Drop repeated paths: copies of one release at several install locations look alike. Labels
 * are shared strings, so comparing them element by element is cheap.
 */
function dedupe(paths: string[][]): string[][] {
  if (paths.length < 2) return paths;
  const kept: string[][] = [];
  for (const path of paths) {
    if (!kept.some((other) => samePath(other, path))) kept.push(path);
  }
  return kept;
}

function samePath(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
