import { randomUUID } from 'node:crypto';

import ignore, { type Ignore } from 'ignore';

import type { Config } from '../../core/config-schema.js';
import { compileRuleSet, type RuleSetOptions } from './ruleset.js';
import { loadRuntimeRules } from './rule-cache.js';
import type { RuntimeRule } from './rule-schema.js';

/** The rule choices and path allowlist for one scan, taken from bulwark.yaml and the tier. */
export interface SecretsScanOptions {
  /** Identifies this scan's rules and options to the workers, which compile them once. */
  key: string;
  rules: RuntimeRule[];
  ruleOptions: RuleSetOptions;
  /** True when a path's secrets are allowlisted in bulwark.yaml. */
  pathAllowed(path: string): boolean;
  enabled: boolean;
}

/**
 * Read the scanner's settings and check them once on the calling thread, so that a bad
 * allowlist regex is reported as a configuration error before any worker starts.
 */
export function secretsScanOptions(
  config: Config,
  tags: readonly string[] | undefined,
  rulesDir?: string,
): SecretsScanOptions {
  const settings = config.scanners.secrets;
  const ruleOptions: RuleSetOptions = {
    disabledRules: settings.disabledRules,
    tags: tags === undefined ? undefined : [...tags],
    allowlist: { regexes: settings.allowlist.regexes, stopwords: settings.allowlist.stopwords },
  };
  const rules = loadRuntimeRules(rulesDir);
  compileRuleSet(rules, ruleOptions);
  const paths: Ignore = ignore().add(settings.allowlist.paths);
  return {
    key: randomUUID(),
    rules,
    ruleOptions,
    pathAllowed: (path) => settings.allowlist.paths.length > 0 && paths.ignores(path),
    enabled: settings.enabled,
  };
}
