import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { inputError } from './errors.js';

/** Write a file so that readers see the old content or the new, never half of it. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
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
