import { readFile } from 'node:fs/promises';

import { readBlobs } from './git.js';
import type { Logger } from './logger.js';
import type { ScanFile } from './scanner.js';

/** How many leading bytes are checked for a NUL byte to call a file binary (as git does). */
const BINARY_PROBE = 8000;

/** Whether a buffer looks binary: a NUL byte among its first bytes. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_PROBE).includes(0);
}

/** Reads scan files as text: from disk, or from the git index for staged scans. */
export function createTextReader(
  root: string,
  files: readonly ScanFile[],
  logger: Logger,
): (file: ScanFile) => Promise<string | undefined> {
  let staged: Promise<Map<string, Buffer>> | undefined;

  const load = async (file: ScanFile): Promise<Buffer | undefined> => {
    if (file.source === 'index') {
      // `:./path` names the staged blob relative to the scan root, which may be a sub-folder
      // of the repository; `:path` would be read from the repository's top.
      staged ??= readBlobs(
        root,
        files.filter((f) => f.source === 'index').map((f) => `:./${f.path}`),
      );
      return (await staged).get(`:./${file.path}`);
    }
    try {
      return await readFile(file.absPath);
    } catch (error) {
      logger.warn(`could not read file: ${(error as Error).message}`, { path: file.path });
      return undefined;
    }
  };

  return async (file) => {
    const content = await load(file);
    if (content === undefined) return undefined;
    if (isBinary(content)) {
      logger.info('skipped: binary file (a NUL byte in its first 8000 bytes)', { path: file.path });
      return undefined;
    }
    const text = content.toString('utf8');
    // A byte-order mark is not text: left in, it would shift every column of the first line.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
}
