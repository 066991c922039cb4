import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { pythonPackages, readPyprojectDeclared, type PythonEntry } from './python-graph.js';
import { arrayTableLines, packageIdentity, parseToml } from './toml-document.js';
import { dict, keysOf, list, str } from './values.js';

const HINT = 'regenerate it with `poetry lock` (or restore it from version control)';
const LOCAL_SOURCES = new Set(['git', 'directory', 'file', 'url']);

/**
 * poetry.lock. Development packages come from `category = "dev"` (Poetry 1.x) or from
 * `groups` without "main" (Poetry 2); direct ones from pyproject.toml when it is beside the
 * lockfile. Packages from git, a folder, a file or a URL are not registry releases and are left
 * out, though what they depend on keeps its paths.
 */
export function parsePoetryLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const data = parseToml(path, content, HINT);
  // Poetry writes [metadata] (lock-version, content-hash) even for a project without
  // dependencies, so a lock with neither [metadata] nor [[package]] was not written by Poetry.
  if (data.metadata === undefined && data.package === undefined) {
    throw lockfileError(path, 1, `${path} has neither [metadata] nor [[package]]`, HINT);
  }
  const lines = arrayTableLines(content, 'package');
  const entries: PythonEntry[] = list(data.package).map((value, index) => {
    const table = dict(value);
    const { name, version } = packageIdentity(path, table, lines[index], HINT);
    const groups = list(table.groups);
    const category = str(table.category);
    const dev = category
      ? category === 'dev'
      : groups.length > 0
        ? !groups.includes('main')
        : undefined;
    const thirdParty = !LOCAL_SOURCES.has(str(dict(table.source).type) ?? '');
    return {
      name,
      version,
      line: lines[index] ?? 1,
      dev,
      thirdParty,
      deps: keysOf(table.dependencies),
    };
  });
  const packages = pythonPackages(entries, readPyprojectDeclared(readSibling), path);
  return { lockfile: path, format: 'poetry.lock', packages, unpinned: [] };
}
