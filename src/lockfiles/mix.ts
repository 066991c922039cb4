import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { splitLines } from './text-lines.js';

const HINT = 'regenerate it with `mix deps.get`';
const ENTRY = /^"([^"]+)":\s*\{:(\w+),\s*(.*)$/;
const HEX = /^:([\w]+),\s*"([^"]+)"/;
const DEP = /\{:(\w+),\s*"[^"]*",\s*\[hex:\s*:(\w+)/g;

/**
 * mix.lock (Elixir): one `"app": {:hex, :package, "version", ...}` entry per line. Hex entries
 * are registry releases; git and path entries are not and are left out. Direct dependencies and
 * development ones (`only: :dev` / `:test`) come from the `deps` of the mix.exs beside it,
 * read line by line; without it, packages nothing depends on count as direct.
 */
export function parseMixLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const nodes = new Map<string, GraphNode>();
  const lines = splitLines(content);
  lines.forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '' || text === '%{' || text === '}' || text.startsWith('#')) return;
    const entry = ENTRY.exec(text);
    if (!entry) throw lockfileError(path, line, `${path}: expected "\\"app\\": {:hex, ...}"`, HINT);
    const [, app, kind, rest] = entry;
    if (kind !== 'hex') {
      nodes.set(app, { id: app, name: app, version: '', line, thirdParty: false, deps: [] });
      return;
    }
    const hex = HEX.exec(rest);
    if (!hex)
      throw lockfileError(path, line, `${path}: a hex entry has no package and version`, HINT);
    const deps = [...rest.matchAll(DEP)].map((match) => match[1]);
    nodes.set(app, { id: app, name: hex[1], version: hex[2], line, thirdParty: true, deps });
  });
  if (lines.length > 0 && !content.trimStart().startsWith('%{')) {
    throw lockfileError(path, 1, `${path} does not start with "%{"`, HINT);
  }
  const packages = packagesFromGraph(nodes, mixRoots(nodes, readSibling), 'Hex', path);
  return { lockfile: path, format: 'mix.lock', packages, unpinned: [] };
}

/** Direct dependencies from mix.exs `{:app, ...}` tuples, development when `only:` is dev/test. */
function mixRoots(nodes: Map<string, GraphNode>, readSibling?: ReadSibling): GraphRoot[] {
  const text = readSibling?.('mix.exs');
  if (text === undefined) {
    const required = new Set([...nodes.values()].flatMap((node) => node.deps));
    return [...nodes.keys()].filter((id) => !required.has(id)).map((id) => ({ id, dev: false }));
  }
  const roots: GraphRoot[] = [];
  for (const match of text.matchAll(/\{:(\w+)\s*,([^{}]*)\}/g)) {
    if (!nodes.has(match[1])) continue;
    const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(match[2]);
    const envs = only ? [...only[1].matchAll(/:(\w+)/g)].map((m) => m[1]) : [];
    roots.push({
      id: match[1],
      dev: envs.length > 0 && envs.every((env) => env === 'dev' || env === 'test'),
    });
  }
  return roots;
}
