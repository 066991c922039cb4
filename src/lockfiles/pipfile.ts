import { parse } from 'smol-toml';
import { parseJsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, Package, ReadSibling } from './package.js';
import { normalizePyName } from './python-names.js';
import { dict, isDict, keysOf, str } from './values.js';

const HINT = 'regenerate it with `pipenv lock` (or restore it from version control)';

/**
 * Pipfile.lock: `default` (production) and `develop` (development) sections. The lockfile has
 * no dependency graph; direct dependencies are those the Pipfile beside it declares. Entries
 * without a `==` version (git, path, editable) are not registry releases and are left out.
 */
export function parsePipfileLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const doc = parseJsonDocument(path, content, { hint: HINT });
  const root = dict(doc.value);
  if (!isDict(root.default) && !isDict(root.develop)) {
    throw lockfileError(path, 1, `${path} has neither "default" nor "develop"`, HINT);
  }
  const declared = pipfileDeclared(readSibling);
  const found = new Map<string, Package>();

  for (const [section, dev] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    for (const [name, value] of Object.entries(dict(root[section]))) {
      const pin = /^===?\s*(\S+)$/.exec(str(dict(value).version) ?? '');
      if (!pin) continue;
      const key = `${normalizePyName(name)}@${pin[1]}`;
      const known = found.get(key);
      if (known) {
        known.dev &&= dev;
        continue;
      }
      const direct = declared.has(normalizePyName(name));
      const line = doc.lineOf([section, name]) ?? 1;
      const paths = direct ? [[`${name}@${pin[1]}`]] : [];
      found.set(key, {
        ecosystem: 'PyPI',
        name,
        version: pin[1],
        direct,
        dev,
        paths,
        line,
        lockfile: path,
      });
    }
  }
  return { lockfile: path, format: 'Pipfile.lock', packages: [...found.values()], unpinned: [] };
}

/** Normalised names the Pipfile declares in [packages] and [dev-packages]. */
function pipfileDeclared(readSibling?: ReadSibling): Set<string> {
  const text = readSibling?.('Pipfile');
  if (text === undefined) return new Set();
  try {
    const pipfile = parse(text);
    const names = [...keysOf(pipfile.packages), ...keysOf(pipfile['dev-packages'])];
    return new Set(names.map(normalizePyName));
  } catch {
    return new Set();
  }
}
