import { statSync } from 'node:fs';

import { usageError, type BulwarkError } from '../../core/errors.js';

const FIX =
  'move it aside (or delete it) to start with an empty cache and decision log, or pass --storage <another directory>';

/** Whether `path` exists and is not a directory. */
function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `path` exists and is a directory. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The proxy database `file` could not be opened or set up: a usage error naming the file, what
 * is wrong with it and what to do, for an error SQLite gives about the file itself; undefined for
 * anything else.
 */
export function damagedDatabase(file: string, error: unknown): BulwarkError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (isDirectory(file))
    return usageError(`the proxy database ${file} is a directory, not a SQLite file; ${FIX}`);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return usageError(
      `the proxy database ${file} is not a readable SQLite database (${String(code)}); ${FIX}`,
    );
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM')
    return usageError(`the proxy database ${file} cannot be opened (${String(code)}); ${FIX}`);
  return undefined;
}

/** True for an SQLite error saying the database file's contents are damaged. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
}

/**
 * The proxy database turned out damaged while the proxy was running (its pages were overwritten
 * after the startup check): the message names the file and what to do.
 */
export class DamagedStoreError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `${file} is damaged (${detail}); stop the proxy and move it aside to start with an empty cache and decision log`,
    );
    this.name = 'DamagedStoreError';
  }
}

/** Refuse a blob folder that is in fact a file: every tarball would fail to be stored or read. */
export function checkBlobRoot(root: string): void {
  if (isFile(root))
    throw usageError(
      `the proxy blob folder ${root} is a file, not a directory; move it aside (or delete it) to start with no cached tarballs and wheels (proxy.sqlite beside it, with the decision log, is kept), or pass --storage <another directory>`,
    );
}
