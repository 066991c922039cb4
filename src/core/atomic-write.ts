import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { inputError } from './errors.js';

/** Write a file so that readers see the old content or the new, never half of it. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  try {
    ensureDir(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `cannot create the folder ${dir} (${reason})`,
      { file },
      'choose a writable path',
    );
  }
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(`cannot write ${file} (${reason})`, { file }, 'choose a writable path');
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
