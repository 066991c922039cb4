import { closeSync, openSync, readSync, statSync } from 'node:fs';

import Database from 'better-sqlite3';

import { BulwarkError, inputError } from '../core/errors.js';

/** `PRAGMA application_id` of every advisory database Bulwark writes ("BWKA"). */
export const APPLICATION_ID = 0x42574b41;

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** What a path holds, judged before Bulwark opens or overwrites it. */
export type DbFileKind = 'missing' | 'empty' | 'directory' | 'not-sqlite' | 'sqlite';

/** Look at a path without opening it as a database: missing, a folder, SQLite or not. */
export function dbFileKind(path: string): DbFileKind {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'directory';
    size = stats.size;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw fileError(error, path, 'read');
  }
  if (size === 0) return 'empty';
  const head = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 16, 0);
  } catch (error) {
    throw fileError(error, path, 'read');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return head.toString('latin1') === SQLITE_HEADER ? 'sqlite' : 'not-sqlite';
}

/**
 * Whether an open SQLite file is an advisory database: our application id, or (files written
 * before the id was set) a `meta` table holding a `schema_version`.
 */
export function isAdvisoryDb(db: Database.Database): boolean {
  try {
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return true;
    const row = db
      .prepare<[], { n: number }>(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
      )
      .get();
    if (!row || row.n === 0) return false;
    return db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() !== undefined;
  } catch {
    return false;
  }
}

/**
 * Refuse to write over a file that is not an advisory database: `--db` pointed at a text
 * file or at another program's SQLite file must not destroy it.
 */
export function assertWritableTarget(path: string): void {
  const kind = dbFileKind(path);
  if (kind === 'missing' || kind === 'empty') return;
  if (kind === 'directory') {
    throw inputError(`${path} is a directory, not an advisory database file`, undefined, PICK);
  }
  if (kind === 'sqlite') {
    const db = openSqlite(path, true);
    const ours = isAdvisoryDb(db);
    db.close();
    if (ours) return;
  }
  throw inputError(
    `${path} is not a Bulwark advisory database; refusing to overwrite it`,
    undefined,
    PICK,
  );
}

/** Open a SQLite file, turning every failure into an input error naming the file. */
export function openSqlite(path: string, readonly: boolean): Database.Database {
  try {
    return new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw fileError(error, path, readonly ? 'read' : 'write');
  }
}

const PICK = 'pass --db (or BULWARK_DB) a new file name or an existing Bulwark advisory database';

/** The errno code of a Node or SQLite error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent of it is not a directory',
  ENOENT: 'it does not exist',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  SQLITE_CANTOPEN: 'unable to open it',
  SQLITE_NOTADB: 'it is not a SQLite database',
  SQLITE_IOERR: 'a disk I/O error occurred',
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_CORRUPT: 'it is corrupt',
};

/**
 * Turn a file system or SQLite failure on `path` into an input error saying what failed and
 * what to do; a BulwarkError passes through unchanged.
 */
export function fileError(error: unknown, path: string, action: 'read' | 'write'): BulwarkError {
  if (error instanceof BulwarkError) return error;
  const code = errorCode(error) ?? '';
  const base = code.startsWith('SQLITE_IOERR') ? 'SQLITE_IOERR' : code;
  const detail = error instanceof Error ? error.message : String(error);
  const reason = REASONS[base] ?? detail;
  const hint =
    action === 'write'
      ? 'choose a writable location with --db (or BULWARK_DB); the existing database was kept'
      : 'check the path and its permissions, or pass another file with --db (or BULWARK_DB)';
  return new BulwarkError('input', `cannot ${action} ${path}: ${reason}`, {
    hint,
    cause: error,
  });
}
