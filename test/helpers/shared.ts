import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared beside the repository: advisories, fixtures, schemas and cases, read at test time. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** A path inside ../shared. */
export function shared(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}
