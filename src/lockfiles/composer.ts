import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { parseJsonDocument } from './json-document.js';
import { lockfileError } from './lockfile-error.js';
import { readManifest } from './manifest.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { dict, isDict, keysOf, list, str } from './values.js';

const HINT = 'regenerate it with `composer update --lock` (or restore it from version control)';

/** Platform requirements (PHP itself, extensions, libraries, Composer APIs) are not packages. */
function isPlatform(name: string): boolean {
  return /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(-plugin|-runtime)?-api|composer)$/i.test(
    name,
  );
}

/**
 * composer.lock: `packages` (production) and `packages-dev` (development). Direct packages are
 * the `require` and `require-dev` of the composer.json beside it, or without it the packages
 * nothing requires. composer.lock versions are kept as written (`v5.4.1` or `5.4.1`). Packages installed from
 * a local path are the project's own code and are left out.
 */
export function parseComposerLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const doc = parseJsonDocument(path, content, { hint: HINT });
  const root = dict(doc.value);
  if (!Array.isArray(root.packages))
    throw lockfileError(path, 1, `${path} has no "packages" list`, HINT);
  const nodes = new Map<string, GraphNode>();

  for (const [section, dev] of [
    ['packages', false],
    ['packages-dev', true],
  ] as const) {
    list(root[section]).forEach((value, index) => {
      const entry = dict(value);
      const name = str(entry.name);
      const version = str(entry.version);
      const line =
        doc.lineOf([section, String(index), 'name']) ?? doc.lineOf([section, String(index)]);
      if (!name || !version)
        throw lockfileError(
          path,
          line,
          `${path}: a package in "${section}" has no name or version`,
          HINT,
        );
      const id = name.toLowerCase();
      const deps = keysOf(entry.require)
        .filter((dep) => !isPlatform(dep))
        .map((dep) => dep.toLowerCase());
      const thirdParty = str(dict(entry.dist).type) !== 'path';
      nodes.set(id, { id, name, version, line: line ?? 1, dev, thirdParty, deps });
    });
  }

  const manifest = readManifest(readSibling, 'composer.json');
  let roots: GraphRoot[];
  if (manifest) {
    roots = [
      ...keysOf(manifest.require).map((name) => ({ id: name.toLowerCase(), dev: false })),
      ...keysOf(manifest['require-dev']).map((name) => ({ id: name.toLowerCase(), dev: true })),
    ].filter((root) => nodes.has(root.id));
  } else {
    const required = new Set([...nodes.values()].flatMap((node) => node.deps));
    roots = [...nodes.keys()]
      .filter((id) => !required.has(id))
      .map((id) => ({ id, dev: nodes.get(id)?.dev ?? false }));
  }
  const packages = packagesFromGraph(nodes, roots, 'Packagist', path);
  const format =
    isDict(root) && root['plugin-api-version']
      ? `composer.lock (plugin API ${String(root['plugin-api-version'])})`
      : 'composer.lock';
  return { lockfile: path, format, packages, unpinned: [] };
}
