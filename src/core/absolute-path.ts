import { isAbsolute, join, normalize, sep } from 'node:path';

/** A path with an empty, `.` or `..` segment, or a leading or trailing slash. */
const UNCLEAN_PATH = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `join(root, path)` for many paths under one root: a clean relative path (as a folder walk
 * or git gives) is appended to the normalized absolute root as it is, instead of normalizing
 * the whole string again for each of thousands of files. Anything else goes through `join`.
 */
export function absoluteJoiner(root: string): (path: string) => string {
  const base = normalize(root);
  if (sep !== '/' || !isAbsolute(base)) return (path) => join(root, path);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (path) => (UNCLEAN_PATH.test(path) ? join(root, path) : prefix + path);
}
