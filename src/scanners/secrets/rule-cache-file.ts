import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { ANCHOR_ANALYSIS } from './anchor.js';
import type { RuntimeRule } from './rule-schema.js';
import { defaultRulesDir } from './rules-dir.js';

/** Bumped whenever the cached shape of a rule changes. */
const CACHE_FORMAT = 2;

/**
 * The cache file for a rules folder: `$XDG_CACHE_HOME/bulwark/secrets-rules-<hash>.json`
 * (default `~/.cache/bulwark/...`), one per folder.
 */
export function ruleCacheFile(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return join(cache, 'bulwark', `secrets-rules-${id}.json`);
}

/**
 * What the cache of `dir` must be stamped with to be used: the name, size and modification
 * time of every rule file, the cache format and the anchoring analysis.
 */
export function folderStamp(dir: string): string {
  const parts = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    });
  return `${CACHE_FORMAT}.${ANCHOR_ANALYSIS}|${dir}|${parts.join('|')}`;
}

/** The cached rules when the cache file is readable and stamped with `stamp`. */
export function readCachedRules(cacheFile: string, stamp: string): RuntimeRule[] | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      stamp?: string;
      rules?: RuntimeRule[];
    };
    if (cached.stamp === stamp && Array.isArray(cached.rules)) return cached.rules;
  } catch {
    // No usable cache: the caller parses the rule files.
  }
  return undefined;
}

/**
 * `loadRuntimeRules` (rule-cache.ts) for callers that can wait: the YAML parser and the rule
 * schema are imported only when the cache cannot be used, so a run with a current cache
 * loads neither.
 */
export async function loadRuntimeRulesOnDemand(
  dir: string = defaultRulesDir(),
  cacheFile: string = ruleCacheFile(dir),
): Promise<RuntimeRule[]> {
  const cached = readCachedRules(cacheFile, folderStamp(dir));
  if (cached) return cached;
  return (await import('./rule-cache.js')).loadRuntimeRules(dir, cacheFile);
}
