import type { Scanner } from '../../core/scanner.js';
import { scanHistory } from './history.js';
import { wantsPath } from './paths.js';
import { scanFiles } from './scan-files.js';

export { detectSecrets, type SecretMatch } from './detect.js';
export { loadSecretRules, defaultRulesDir } from './rule-loader.js';
export { compileRuleSet, type RuleSet, type RuleSetOptions } from './ruleset.js';

/** The secrets scanner: provider tokens, private keys, connection URIs, high-entropy values. */
export const secretsScanner: Scanner = {
  id: 'secrets',
  description: 'Hard-coded credentials: provider tokens, private keys, passwords in URIs',
  fast: true,
  wants: wantsPath,
  scan: (context) => scanFiles(context),
  scanHistory: (context) => scanHistory(context),
};
