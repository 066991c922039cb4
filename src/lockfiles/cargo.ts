import { parse } from 'smol-toml';
import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { arrayTableLines, packageIdentity, parseToml } from './toml-document.js';
import { dict, isDict, keysOf, list, str } from './values.js';

const HINT = 'regenerate it with `cargo generate-lockfile` (or restore it from version control)';

/**
 * Cargo.lock. Entries without a `source` are the workspace's own crates: they are left out and
 * their dependencies are the direct ones. Cargo.lock does not say which dependencies are only
 * for development, so the Cargo.toml files are read: Cargo.lock dev dependencies are known only
 * from the root Cargo.toml and workspace members listed by literal path, not by glob.
 * Git dependencies are not registry releases and are left out, though what they depend on keeps
 * its paths.
 */
export function parseCargoLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const data = parseToml(path, content, HINT);
  // Cargo always locks at least the project's own crate, so a Cargo.lock without any
  // [[package]] (an empty file, say) was not written by Cargo.
  if (list(data.package).length === 0) {
    throw lockfileError(
      path,
      1,
      `${path} has no [[package]], not even the project's own crate`,
      HINT,
    );
  }
  const lines = arrayTableLines(content, 'package');
  const nodes = new Map<string, GraphNode>();
  const byName = new Map<string, string[]>();
  const members: Array<{ deps: string[] }> = [];
  const devOnly = devDependencyNames(readSibling);

  list(data.package).forEach((value, index) => {
    const table = dict(value);
    const line = lines[index] ?? 1;
    const { name, version } = packageIdentity(path, table, line, HINT);
    const deps = list(table.dependencies).flatMap((dep) => str(dep) ?? []);
    const source = str(table.source);
    if (source === undefined) return void members.push({ deps });
    const id = `${name} ${version}`;
    byName.set(name, [...(byName.get(name) ?? []), id]);
    nodes.set(id, {
      id,
      name,
      version,
      line,
      thirdParty: /^(registry|sparse)\+/.test(source),
      deps,
    });
  });
  const resolve = (dep: string): string[] => {
    const [name, version] = dep.split(' ');
    if (version !== undefined) return nodes.has(`${name} ${version}`) ? [`${name} ${version}`] : [];
    return byName.get(name) ?? [];
  };
  for (const node of nodes.values()) node.deps = node.deps.flatMap(resolve);

  const roots: GraphRoot[] = members.flatMap((member) =>
    member.deps.flatMap(resolve).map((id) => ({ id, dev: devOnly.has(id.split(' ')[0]) })),
  );
  const packages = packagesFromGraph(nodes, roots, 'crates.io', path);
  return {
    lockfile: path,
    format: `Cargo.lock v${String(data.version ?? 1)}`,
    packages,
    unpinned: [],
  };
}

/** Crate names that readable manifests list only under [dev-dependencies]. */
function devDependencyNames(readSibling?: ReadSibling): Set<string> {
  const manifests = [readCargoToml(readSibling, 'Cargo.toml')];
  const members = list(dict(manifests[0]?.workspace).members).flatMap((m) => str(m) ?? []);
  for (const member of members) {
    if (!/[*?[]/.test(member)) manifests.push(readCargoToml(readSibling, `${member}/Cargo.toml`));
  }
  const dev = new Set<string>();
  const prod = new Set<string>();
  for (const manifest of manifests) {
    if (!manifest) continue;
    for (const name of crateNames(manifest['dev-dependencies'])) dev.add(name);
    for (const name of [
      ...crateNames(manifest.dependencies),
      ...crateNames(manifest['build-dependencies']),
    ]) {
      prod.add(name);
    }
  }
  return new Set([...dev].filter((name) => !prod.has(name)));
}

/** Crate names of a dependency table, following `package = "real-name"` renames. */
function crateNames(table: unknown): string[] {
  return keysOf(table).map((key) => str(dict(dict(table)[key]).package) ?? key);
}

function readCargoToml(readSibling: ReadSibling | undefined, relative: string) {
  const text = readSibling?.(relative);
  if (text === undefined) return undefined;
  try {
    const manifest = parse(text);
    return isDict(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
