import type { LockfileResult, ReadSibling } from './package.js';
import { pythonPackages, readPyprojectDeclared, type PythonEntry } from './python-graph.js';
import { requirementName } from './python-names.js';
import { arrayTableLines, packageIdentity, parseToml } from './toml-document.js';
import { dict, list } from './values.js';

const HINT = 'regenerate it with `pdm lock` (or restore it from version control)';

/**
 * pdm.lock. A package is for development when none of its `groups` is "default"; direct
 * dependencies come from pyproject.toml when it is beside the lockfile. Packages from git, a
 * path or a URL are not registry releases and are left out, though what they depend on keeps
 * its paths.
 */
export function parsePdmLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const data = parseToml(path, content, HINT);
  const lines = arrayTableLines(content, 'package');
  const entries: PythonEntry[] = list(data.package).map((value, index) => {
    const table = dict(value);
    const { name, version } = packageIdentity(path, table, lines[index], HINT);
    const groups = list(table.groups);
    const dev = groups.length > 0 ? !groups.includes('default') : undefined;
    const thirdParty = !('git' in table || 'path' in table || 'url' in table);
    const deps = list(table.dependencies).flatMap((dep) =>
      typeof dep === 'string' ? (requirementName(dep) ?? []) : [],
    );
    return { name, version, line: lines[index] ?? 1, dev, thirdParty, deps };
  });
  const packages = pythonPackages(entries, readPyprojectDeclared(readSibling), path);
  return { lockfile: path, format: 'pdm.lock', packages, unpinned: [] };
}
