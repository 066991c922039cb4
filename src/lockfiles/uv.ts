import { lockfileError } from './lockfile-error.js';
import type { LockfileResult } from './package.js';
import { pythonPackages, type PythonEntry } from './python-graph.js';
import { normalizePyName } from './python-names.js';
import { arrayTableLines, parseToml } from './toml-document.js';
import { dict, isDict, list, str } from './values.js';

const HINT = 'regenerate it with `uv lock` (or restore it from version control)';

/** Names in a list of `{ name = "x" }` dependency tables. */
function names(value: unknown): string[] {
  return list(value).flatMap((item) => str(dict(item).name) ?? []);
}

/**
 * uv.lock. The project and workspace members are the entries whose source is `editable`,
 * `virtual` or a `directory`: they are left out, and their dependencies, optional dependencies
 * (direct, production) and dev-dependency groups (direct, development) are the roots. Entries
 * from git, a path or a URL are not registry releases and are left out, though what they depend
 * on keeps its paths.
 */
export function parseUvLock(path: string, content: string): LockfileResult {
  const data = parseToml(path, content, HINT);
  const lines = arrayTableLines(content, 'package');
  const entries: PythonEntry[] = [];
  const declared = new Map<string, boolean>();
  const declare = (name: string, dev: boolean) => {
    const key = normalizePyName(name);
    declared.set(key, dev && (declared.get(key) ?? true));
  };

  list(data.package).forEach((value, index) => {
    const table = dict(value);
    const name = str(table.name);
    if (!name) throw lockfileError(path, lines[index], `${path}: a [[package]] has no name`, HINT);
    const source = dict(table.source);
    const deps = [
      ...names(table.dependencies),
      ...Object.values(dict(table['optional-dependencies'])).flatMap(names),
    ];
    if (
      isDict(table.source) &&
      ('editable' in source || 'virtual' in source || 'directory' in source)
    ) {
      for (const dep of deps) declare(dep, false);
      for (const group of Object.values(dict(table['dev-dependencies']))) {
        for (const dep of names(group)) declare(dep, true);
      }
      return;
    }
    const version = str(table.version);
    if (!version)
      throw lockfileError(path, lines[index], `${path}: package "${name}" has no version`, HINT);
    const thirdParty = 'registry' in source || !isDict(table.source);
    entries.push({ name, version, line: lines[index] ?? 1, thirdParty, deps });
  });

  const packages = pythonPackages(entries, declared.size > 0 ? declared : undefined, path);
  return {
    lockfile: path,
    format: `uv.lock v${String(data.version ?? '')}`,
    packages,
    unpinned: [],
  };
}
