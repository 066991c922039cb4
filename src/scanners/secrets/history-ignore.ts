import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Config } from '../../core/config-schema.js';
import { IGNORE_FILE } from '../../core/file-discovery.js';

/**
 * The scan's ignore rules as a history scan's workers get them: bulwark.yaml's `ignore:`
 * patterns and the text of `.bulwarkignore` at the scan root, which the workers add in that
 * order, as file discovery does, so that a path left out of the tree is left out of history.
 */
export interface HistoryIgnore {
  patterns: string[];
  /** The text of `.bulwarkignore`, when there is one. */
  file?: string;
}

/** Read the ignore rules of a scan of `root`. */
export function historyIgnore(root: string, config: Config): HistoryIgnore {
  const path = join(root, IGNORE_FILE);
  return existsSync(path)
    ? { patterns: [...config.ignore], file: readFileSync(path, 'utf8') }
    : { patterns: [...config.ignore] };
}
