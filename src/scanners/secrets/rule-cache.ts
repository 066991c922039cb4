import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { writeFileAtomic } from '../../core/atomic-write.js';
import { ANCHOR_ANALYSIS, startsWithKeyword } from './anchor.js';
import { defaultRulesDir, loadSecretRules } from './rule-loader.js';
import { runtimeRule, type RuntimeRule } from './rule-schema.js';

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
 * Load the rules of `dir` as detection needs them. Parsing and validating a few hundred
 * rules' YAML takes a noticeable part of a second, which a pre-commit hook pays on every
 * commit, so the validated rules are kept as JSON, keyed by the name, size and modification
 * time of every rule file; any change to the folder invalidates the cache. A cache that
 * cannot be read or written is ignored. An edit that keeps a rule file's size and
 * modification time is not seen until the cache file is deleted.
 */
export function loadRuntimeRules(
  dir: string = defaultRulesDir(),
  cacheFile: string = ruleCacheFile(dir),
): RuntimeRule[] {
  const stamp = folderStamp(dir);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      stamp?: string;
      rules?: RuntimeRule[];
    };
    if (cached.stamp === stamp && Array.isArray(cached.rules)) return cached.rules;
  } catch {
    // No usable cache: parse the rule files below.
  }

  const rules = loadSecretRules(dir).map((rule) => ({
    ...runtimeRule(rule),
    anchored: startsWithKeyword(rule.pattern, rule.keywords),
  }));
  try {
    writeFileAtomic(cacheFile, JSON.stringify({ stamp, rules }));
  } catch {
    // A read-only cache directory only costs the parse on the next run.
  }
  return rules;
}

function folderStamp(dir: string): string {
  const parts = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    });
  return `${CACHE_FORMAT}.${ANCHOR_ANALYSIS}|${dir}|${parts.join('|')}`;
}
