import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Config } from '../../core/config-schema.js';
import { IGNORE_FILE } from '../../core/file-discovery.js';
import { git } from '../../core/git.js';

/**
 * The scan's ignore rules as a history scan's workers get them: bulwark.yaml's `ignore:`
 * patterns and the text of `.bulwarkignore` at the scan root, which the workers add in that
 * order, as file discovery does, so that a path left out of the tree is left out of history.
 */
export interface HistoryIgnore {
  patterns: string[];
  /** The text of `.bulwarkignore`, when there is one. */
  file?: string;
  /**
   * The scan root's folder from the repository's top (`sub/`), empty at the top. The log's
   * paths start there, while the rules, like the tree's paths, are relative to the scan root.
   */
  prefix: string;
}

/** Read the ignore rules of a scan of `root`, a folder in a git work tree. */
export function historyIgnore(root: string, config: Config): HistoryIgnore {
  const path = join(root, IGNORE_FILE);
  const file = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const patterns = [...config.ignore];
  if (patterns.length === 0 && file === undefined) return { patterns, prefix: '' };
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  return file === undefined ? { patterns, prefix } : { patterns, file, prefix };
}
