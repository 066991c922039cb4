import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { redactSecret } from '../../core/redact.js';
import type { SecretMatch } from './detect.js';
import type { CompiledRule } from './ruleset.js';

/** Why a leaked credential matters, shown as the finding's help text. */
const HELP =
  'Anyone who can read this file, its history or a copy of it can use the credential. ' +
  'Deleting the line does not revoke it: rotate the credential first, then remove it and ' +
  'load it at run time from the environment or a secret store.';

/** Turn a match into a finding; the secret appears only redacted, and in the fingerprint hash. */
export function toFinding(
  compiled: CompiledRule,
  match: SecretMatch,
  path: string,
  evidence: string,
): Finding {
  const rule = compiled.rule;
  const ruleId = `secrets/${rule.id}`;
  return {
    ruleId,
    scanner: 'secrets',
    severity: rule.severity,
    title: rule.title,
    message: `${titleWithProvider(rule.title, rule.provider)}: ${redactSecret(match.secret)}`,
    location: {
      path,
      startLine: match.line,
      startColumn: match.column,
      endLine: match.endLine,
      endColumn: match.endColumn,
    },
    fingerprint: fingerprint(ruleId, path, match.secret),
    cwe: rule.cwe,
    references: rule.references,
    fix: { text: rule.fix },
    evidence,
    help: HELP,
    properties: { provider: rule.provider, validated: compiled.validator !== undefined },
    tags: rule.tags,
  };
}

/** The title, followed by the provider in parentheses unless the title already names it. */
function titleWithProvider(title: string, provider: string): string {
  return title.toLowerCase().includes(provider.toLowerCase()) ? title : `${title} (${provider})`;
}
