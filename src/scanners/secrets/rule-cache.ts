import { writeFileAtomic } from '../../core/atomic-write.js';
import { startsWithKeyword } from './anchor.js';
import { folderStamp, readCachedRules, ruleCacheFile } from './rule-cache-file.js';
import { defaultRulesDir, loadSecretRules } from './rule-loader.js';
import { runtimeRule, type RuntimeRule } from './rule-schema.js';

export { ruleCacheFile } from './rule-cache-file.js';

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
  const cached = readCachedRules(cacheFile, stamp);
  if (cached) return cached;

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
