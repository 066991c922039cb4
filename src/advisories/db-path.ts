import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the advisory database lives: `--db` first, then `BULWARK_DB`, then
 * `$XDG_CACHE_HOME/bulwark/advisories.db` (default `~/.cache/bulwark/advisories.db`).
 */
export function advisoryDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.BULWARK_DB) return env.BULWARK_DB;
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'bulwark', 'advisories.db');
}
