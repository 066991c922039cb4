import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, ReadSibling, UnpinnedDependency } from './package.js';
import { pythonPackages, readPyprojectDeclared, type PythonEntry } from './python-graph.js';
import { arrayTableLines, parseToml } from './toml-document.js';
import { dict, list, str } from './values.js';

const HINT = 'regenerate it with the tool that wrote it, e.g. `uv export --format pylock.toml`';

/** Dependency groups a PEP 751 marker requires (`'dev' in dependency_groups`). */
function markerGroups(marker: string | undefined): string[] {
  if (!marker) return [];
  return [...marker.matchAll(/['"]([^'"]+)['"]\s+in\s+dependency_groups/g)].map((m) => m[1]);
}

/**
 * pylock.toml and pylock.<name>.toml (PEP 751). A package is for development when its marker
 * only admits dependency groups that are not default groups. Direct dependencies come from
 * pyproject.toml when present, else from the `dependencies` the entries record. Packages from
 * a VCS, a directory or an archive are not registry releases and are left out; an index
 * package without a version is reported as unpinned.
 */
export function parsePylock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const data = parseToml(path, content, HINT);
  if (str(data['lock-version']) === undefined) {
    throw lockfileError(path, 1, `${path} has no lock-version, so it is not a PEP 751 lock`, HINT);
  }
  const defaults = new Set(list(data['default-groups']).flatMap((g) => str(g) ?? []));
  const lines = arrayTableLines(content, 'packages');
  const entries: PythonEntry[] = [];
  const unpinned: UnpinnedDependency[] = [];
  let recordsGraph = false;

  list(data.packages).forEach((value, index) => {
    const table = dict(value);
    const name = str(table.name);
    const line = lines[index] ?? 1;
    if (!name) throw lockfileError(path, line, `${path}: a [[packages]] entry has no name`, HINT);
    if ('vcs' in table || 'directory' in table || 'archive' in table) return;
    const version = str(table.version);
    if (!version) return void unpinned.push({ name, spec: '', line });
    const groups = markerGroups(str(table.marker));
    const dev = groups.length > 0 && groups.every((group) => !defaults.has(group));
    recordsGraph ||= Array.isArray(table.dependencies);
    const deps = list(table.dependencies).flatMap((dep) => str(dict(dep).name) ?? []);
    entries.push({ name, version, line, dev, thirdParty: true, deps });
  });

  const declared = readPyprojectDeclared(readSibling) ?? (recordsGraph ? undefined : new Map());
  const packages = pythonPackages(entries, declared, path);
  return { lockfile: path, format: 'pylock.toml', packages, unpinned };
}
