import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

import { usageError } from './errors.js';

/** What the command line asked to scan: a folder, or one file inside its folder. */
export interface ScanTarget {
  root: string;
  /** Set when a single file was named: its path relative to `root`. */
  only?: string[];
}

/** Resolve the path given to `bulwark scan` into a root folder and, for a file, that file. */
export function resolveTarget(path: string): ScanTarget {
  const absolute = resolve(path);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    throw usageError(`${path} does not exist`, 'pass a folder or a file to scan');
  }
  if (stat.isDirectory()) return { root: absolute };
  if (stat.isFile()) return { root: dirname(absolute), only: [basename(absolute)] };
  throw usageError(`${path} is neither a file nor a folder`, 'pass a folder or a file to scan');
}
