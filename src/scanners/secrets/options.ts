import { randomUUID } from 'node:crypto';

import type { Config } from '../../core/config-schema.js';
import { compileAllowlist, type RuleSetOptions } from './ruleset.js';
import { pathAllowlist } from './paths.js';
import { loadRuntimeRulesOnDemand } from './rule-cache-file.js';

/** The rule choices and path allowlist for one scan, taken from bulwark.yaml and the tier. */
export interface SecretsScanOptions {
  /** Identifies this scan's rules and options to the workers, which compile them once. */
  key: string;
  /**
   * The rules as JSON: a worker parses them once per key, and a string is copied to a worker
   * far faster than hundreds of rule objects are cloned with every batch.
   */
  rulesJson: string;
  ruleOptions: RuleSetOptions;
  /** Gitignore-style patterns of paths whose secrets are allowlisted in bulwark.yaml. */
  allowPaths: string[];
  /** True when a path's secrets are allowlisted. */
  pathAllowed(path: string): boolean;
  enabled: boolean;
}

/**
 * Read the scanner's settings and check the allowlist once on the calling thread, so that a
 * bad regex is reported as a configuration error before any worker starts. Without
 * `rulesDir` the built-in rules are used; `builtinRulesJson` is them as JSON when already
 * read (by `prestartFileThreads`).
 */
export async function secretsScanOptions(
  config: Config,
  tags: readonly string[] | undefined,
  rulesDir?: string,
  builtinRulesJson?: string,
): Promise<SecretsScanOptions> {
  const settings = config.scanners.secrets;
  const ruleOptions: RuleSetOptions = {
    disabledRules: settings.disabledRules,
    tags: tags === undefined ? undefined : [...tags],
    allowlist: { regexes: settings.allowlist.regexes, stopwords: settings.allowlist.stopwords },
  };
  compileAllowlist(ruleOptions.allowlist);
  const rulesJson =
    rulesDir === undefined && builtinRulesJson !== undefined
      ? builtinRulesJson
      : JSON.stringify(await loadRuntimeRulesOnDemand(rulesDir));
  return {
    key: randomUUID(),
    rulesJson,
    ruleOptions,
    allowPaths: settings.allowlist.paths,
    pathAllowed: pathAllowlist(settings.allowlist.paths),
    enabled: settings.enabled,
  };
}
