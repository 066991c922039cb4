import type { Ecosystem, Package } from './package.js';

/** How many shortest dependency paths each package keeps. */
export const MAX_PATHS = 5;

/** The most steps a dependency path lists; longer ones lose their middle (see toPath). */
export const MAX_PATH_STEPS = 64;

/** The step that stands for the elided middle of a path longer than MAX_PATH_STEPS. */
export const ELIDED = '...';

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
 * (up to MAX_PATHS shortest paths per node), dev from the lockfile's
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

/** A path step: the node reached, the step it came from, its depth and the path's first node. */
interface Step {
  node: number;
  previous: Step | undefined;
  depth: number;
  root: number;
}

/**
 * Breadth-first search from all roots at once, keeping up to MAX_PATHS paths per node. Nodes
 * are numbered and their children resolved once, so the search itself does no lookups by id.
 * The first paths that reach a node are its shortest; a longer one is kept only while the node
 * has fewer than MAX_PATHS. Each node is numbered with its distance from the roots first, so
 * that the cycle check rarely walks a path and never more than MAX_PATH_STEPS of it: the
 * search takes time linear in the number of edges (times MAX_PATHS).
 */
function shortestPaths(
  nodes: ReadonlyMap<string, GraphNode>,
  roots: readonly GraphRoot[],
): Map<string, string[][]> {
  const list = [...nodes.values()];
  const index = new Map(list.map((node, i) => [node.id, i]));
  const children = list.map((node) => [...new Set(node.deps.flatMap((id) => index.get(id) ?? []))]);
  const found: Step[][] = list.map(() => []);
  const starts = [...new Set(roots.flatMap((root) => index.get(root.id) ?? []))];
  const level = levels(children, starts);
  let queue: Step[] = starts.map((node) => ({ node, previous: undefined, depth: 0, root: node }));

  while (queue.length > 0) {
    const next: Step[] = [];
    for (const step of queue) {
      const steps = found[step.node];
      if (steps.length >= MAX_PATHS) continue;
      steps.push(step);
      for (const child of children[step.node]) {
        if (found[child].length < MAX_PATHS && !closesCycle(step, child, level[child])) {
          next.push({ node: child, previous: step, depth: step.depth + 1, root: step.root });
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

/**
 * Whether going on from `step` to `child` (at distance `level` from the roots) would repeat a
 * node. A node sits at a position no smaller than its distance, so only the steps at least that
 * deep need a look; when there are more than MAX_PATH_STEPS of them the longer path is not worth
 * the walk and is dropped as if it were a cycle.
 */
function closesCycle(step: Step, child: number, level: number): boolean {
  if (level > step.depth) return false;
  if (step.depth - level >= MAX_PATH_STEPS) return true;
  for (let s: Step | undefined = step; s && s.depth >= level; s = s.previous) {
    if (s.node === child) return true;
  }
  return false;
}

/** Each node's distance from the nearest root by one breadth-first search; -1 if unreached. */
function levels(children: number[][], starts: number[]): number[] {
  const level = new Array<number>(children.length).fill(-1);
  for (const start of starts) level[start] = 0;
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const child of children[node]) {
      if (level[child] !== -1) continue;
      level[child] = level[node] + 1;
      queue.push(child);
    }
  }
  return level;
}

/**
 * The labels along a step's path. A path longer than MAX_PATH_STEPS keeps its first step (the
 * direct dependency), an ELIDED marker and its last MAX_PATH_STEPS - 2 steps, so that a very
 * deep chain costs memory linear in its length rather than quadratic.
 */
function toPath(step: Step, labels: string[]): string[] {
  const length = step.depth + 1;
  const kept = length > MAX_PATH_STEPS ? MAX_PATH_STEPS : length;
  const path = new Array<string>(kept);
  let at = kept;
  let s: Step | undefined = step;
  const tail = length > MAX_PATH_STEPS ? MAX_PATH_STEPS - 2 : length;
  for (; s && at > kept - tail; s = s.previous) path[--at] = labels[s.node];
  if (length <= MAX_PATH_STEPS) return path;
  path[0] = labels[step.root];
  path[1] = ELIDED;
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
