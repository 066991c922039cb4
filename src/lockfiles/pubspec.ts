import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, Package } from './package.js';
import { dict, isDict, str } from './values.js';
import { parseYamlDocuments } from './yaml-documents.js';

const HINT = 'regenerate it with `dart pub get` (or `flutter pub get`)';

/**
 * pubspec.lock (Dart and Flutter). `direct main` and `direct dev` packages are direct, the latter
 * for development; `direct overridden` counts as direct production. Only `hosted` packages are
 * registry releases: git, path and SDK packages are left out. The file has no dependency graph,
 * so transitive packages have no paths and count as production.
 */
export function parsePubspecLock(path: string, content: string): LockfileResult {
  const [document] = parseYamlDocuments(path, content, HINT);
  const root = dict(document?.value);
  if (!isDict(root.packages)) throw lockfileError(path, 1, `${path} has no "packages" map`, HINT);
  const packages: Package[] = [];

  for (const [key, value] of Object.entries(root.packages)) {
    const entry = dict(value);
    const line = document.keyLine('packages', key) ?? 1;
    if (str(entry.source) !== 'hosted') continue;
    const version = str(entry.version);
    if (!version) throw lockfileError(path, line, `${path}: package "${key}" has no version`, HINT);
    const name = str(dict(entry.description).name) ?? key;
    const kind = str(entry.dependency) ?? 'transitive';
    const direct = kind.startsWith('direct');
    const paths = direct ? [[`${name}@${version}`]] : [];
    packages.push({
      ecosystem: 'Pub',
      name,
      version,
      direct,
      dev: kind === 'direct dev',
      paths,
      line,
      lockfile: path,
    });
  }
  return { lockfile: path, format: 'pubspec.lock', packages, unpinned: [] };
}
