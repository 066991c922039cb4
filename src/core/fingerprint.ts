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

/**
 * The fingerprint of the n-th (1-based) finding that shares `base` in one file. The first keeps
 * `base`, so baselines written before occurrences were counted stay valid; later ones get a
 * fingerprint of their own, so a second identical problem is not hidden by the first.
 */
export function occurrenceFingerprint(base: string, n: number): string {
  if (n <= 1) return base;
  return createHash('sha256')
    .update(base)
    .update('\0')
    .update(String(n))
    .digest('hex')
    .slice(0, 32);
}
