import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { inputError } from './errors.js';

/**
 * Write a file so that readers see the old content or the new, never half of it. A path that
 * cannot be written (a file where a folder should be, a folder where the file should be, no
 * permission) raises an input error naming the path and what is in the way.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  try {
    ensureDir(dir);
  } catch (error) {
    throw inputError(
      `cannot create the folder ${dir}${explain(error, file)}`,
      undefined,
      hintFor(error),
    );
  }
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw inputError(`cannot write ${file}${explain(error, file)}`, undefined, hintFor(error));
  }
}

/**
 * Fail early, before a long run, when `file` plainly cannot be written: it is a folder, or a
 * file stands where one of its folders should be. Creates nothing; a write can still fail
 * later for other reasons (permissions, space), which `writeFileAtomic` reports.
 */
export function checkWritablePath(file: string): void {
  let stat;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw inputError(`cannot write ${file}${explain(error, file)}`, undefined, hintFor(error));
  }
  if (stat?.isDirectory()) {
    const error = Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    throw inputError(`cannot write ${file}${explain(error, file)}`, undefined, hintFor(error));
  }
  if (!stat && fileInTheWay(file)) {
    const error = Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
    throw inputError(`cannot write ${file}${explain(error, file)}`, undefined, hintFor(error));
  }
}

/**
 * Create a folder and its missing parents one level at a time. Node's recursive mkdir never
 * returns on some virtual file systems (a missing folder under /proc), so it is not used.
 */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) mkdirSync(folder);
}

/** Remove the temporary file if it was created; a path that cannot hold it has nothing to remove. */
function removeQuietly(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // ENOTDIR or EACCES: the temporary file was never written.
  }
}

/** Why a write failed, in words that name what is in the way, or else the error code. */
function explain(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOTDIR': {
      const blocker = fileInTheWay(file);
      return blocker
        ? `: ${blocker} is a file, not a folder`
        : ': a part of the path is not a folder';
    }
    case 'EISDIR':
      return `: ${file} is a folder`;
    case 'EACCES':
    case 'EPERM':
      return ': permission denied';
    case 'EROFS':
      return ': the file system is read-only';
    case 'ENOSPC':
      return ': no space left on the device';
    case 'ENAMETOOLONG':
      return ': the name is too long';
    default:
      return ` (${code ?? (error as Error).message})`;
  }
}

function hintFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'name a file, not a folder, or remove the folder first';
  if (code === 'ENOTDIR')
    return 'choose a path inside a folder, or move the file that is in the way';
  return 'choose a writable path';
}

/** The nearest existing ancestor of `file` when it is not a folder. */
function fileInTheWay(file: string): string | undefined {
  let current = dirname(file);
  for (;;) {
    let stat;
    try {
      stat = statSync(current, { throwIfNoEntry: false });
    } catch {
      // ENOTDIR: a file stands higher up the path.
    }
    if (stat) return stat.isDirectory() ? undefined : current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
