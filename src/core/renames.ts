import { git } from './git.js';

/**
 * Files renamed since `rev`: new path → the object id of the old file at `rev`, paths relative
 * to `root`. Renames are read from the index (what a staged scan and a commit hold) and then
 * from the working tree (what a `--since` scan reads), so that the base version of a renamed
 * file can be compared under its new name.
 */
export function renamedSince(root: string, rev: string): Map<string, string> {
  const renames = new Map<string, string>();
  for (const where of [['--cached'], []]) {
    const raw = git(root, [
      'diff',
      ...where,
      '--find-renames',
      '--diff-filter=R',
      '--raw',
      '-z',
      '--no-abbrev',
      '--relative',
      '--no-ext-diff',
      rev,
    ]);
    for (const [path, oid] of parseRenames(raw)) if (!renames.has(path)) renames.set(path, oid);
  }
  return renames;
}

/**
 * Parse `git diff --raw -z` output: each rename is `:mode mode oldOid newOid Rscore`, then
 * the old and the new path, all NUL-separated. Returns new path → old object id.
 */
export function parseRenames(raw: string): Map<string, string> {
  const renames = new Map<string, string>();
  const fields = raw.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const header = fields[i] as string;
    if (!header.startsWith(':')) continue;
    const [, , oldOid, , status] = header.slice(1).split(' ');
    if (status?.startsWith('R') || status?.startsWith('C')) {
      const to = fields[i + 2];
      if (oldOid !== undefined && to !== undefined) renames.set(to, oldOid);
      i += 2;
    } else {
      i += 1;
    }
  }
  return renames;
}
