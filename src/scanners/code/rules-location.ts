import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

import { CONFIG_FILE } from '../../core/config-load.js';
import { gitTopLevel } from '../../core/git.js';

/**
 * The team rules folder for a scan of `root`. A relative `rulesDir` is read from the folder
 * whose bulwark.yaml the scan uses (the scan root, or else the top of its git work tree), so a
 * scan of `src/` or of one file loads the same rules as a scan of the whole repository. With no
 * bulwark.yaml, the first of those two folders that holds `rulesDir` is taken.
 */
export function userRulesDirFor(root: string, rulesDir: string): string {
  if (isAbsolute(rulesDir)) return rulesDir;
  const top = gitTopLevel(root);
  const bases = top === undefined || top === root ? [root] : [root, top];
  const base =
    bases.find((dir) => existsSync(join(dir, CONFIG_FILE))) ??
    bases.find((dir) => existsSync(join(dir, rulesDir))) ??
    root;
  return join(base, rulesDir);
}

/** Whether a scanned file lies inside the rules folder: rule samples are not project code. */
export function insideFolder(absPath: string, folder: string): boolean {
  const rel = relative(folder, absPath);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
