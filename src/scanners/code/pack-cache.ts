import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { writeFileAtomic } from '../../core/atomic-write.js';
import type { ParserName, RuleLanguage } from './languages.js';
import type { AstRule, CodeRuleFile } from './rule-schema.js';

/** Bumped whenever the cached shape changes. */
const CACHE_FORMAT = 1;

/** A loaded rule as the cache keeps it: its validated file, and the parsers it compiled for. */
export interface CachedRule {
  meta: CodeRuleFile;
  language: RuleLanguage;
  file: string;
  builtin: boolean;
  /** Index into `CachedPack.shared`: the utilities its language folder shares. */
  shared: number;
  parsers: ParserName[];
}

/**
 * A rule pack after its checks: the rules that loaded and the problems of the rest. Reading
 * it skips parsing the YAML, validating it and asking ast-grep to compile every rule for every
 * parser, which cost about 0.8 CPU-seconds per thread for the built-in rules.
 */
export interface CachedPack {
  rules: CachedRule[];
  shared: Array<Record<string, AstRule>>;
  errors: Array<{ file: string; line?: number; ruleId?: string; problem: string }>;
}

/**
 * The cache file of a set of rule folders: `$XDG_CACHE_HOME/bulwark/code-rules-<hash>.json`
 * (default `~/.cache/bulwark/...`).
 */
export function packCacheFile(signature: string, env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const id = createHash('sha256').update(signature).digest('hex').slice(0, 16);
  return join(cache, 'bulwark', `code-rules-${id}.json`);
}

/** The stamp a cache must carry: the folders' signature, the format and ast-grep's version. */
export function packStamp(signature: string): string {
  return `${CACHE_FORMAT}|${astGrepVersion()}|${signature}`;
}

/** The cached pack when its file is readable and carries `stamp`. */
export function readPackCache(file: string, stamp: string): CachedPack | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: string; pack?: CachedPack };
    if (cached.stamp === stamp && cached.pack && Array.isArray(cached.pack.rules)) {
      return cached.pack;
    }
  } catch {
    // No usable cache: the rule files are read and checked.
  }
  return undefined;
}

/** Keep the pack for the next run; a cache that cannot be written is not an error. */
export function writePackCache(file: string, stamp: string, pack: CachedPack): void {
  try {
    writeFileAtomic(file, JSON.stringify({ stamp, pack }));
  } catch {
    // Read-only home or cache folder: every run reads the rule files.
  }
}

let version: string | undefined;

function astGrepVersion(): string {
  if (version === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const manifest = require.resolve('@ast-grep/napi/package.json');
      version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '';
    } catch {
      version = '';
    }
  }
  return version;
}
