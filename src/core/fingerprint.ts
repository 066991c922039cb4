import { createHash } from 'node:crypto';

/**
 * Build a finding fingerprint from the rule id, the path and the normalized matched
 * content. Line numbers are deliberately left out so that a finding keeps its identity
 * when unrelated lines are added or removed above it.
 */
export function fingerprint(ruleId: string, path: string, content: string): string {
  const normalized = content.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(ruleId)
    .update('\0')
    .update(path)
    .update('\0')
    .update(normalized)
    .digest('hex')
    .slice(0, 32);
}
