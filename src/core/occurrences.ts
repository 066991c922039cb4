import type { Finding } from './finding.js';
import { occurrenceFingerprint } from './fingerprint.js';

/**
 * Give each finding of the working tree a fingerprint of its own. Findings of one rule in one
 * file that share a fingerprint (identical matched text) are numbered by position, first to
 * last, and the n-th gets `occurrenceFingerprint(base, n)`; the same rule reported twice at the
 * same line and column is one finding and the repeat is dropped. History findings (those with a
 * commit) are kept as they are: the same secret in many commits is one problem. The order of
 * the findings is kept.
 */
export function numberOccurrences(findings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  const groups = new Map<string, Finding[]>();
  const placed = new Set<string>();
  for (const finding of findings) {
    const { path, startLine, startColumn, commit } = finding.location;
    if (!commit) {
      const at = `${finding.ruleId}\0${path}\0${startLine}:${startColumn}`;
      if (placed.has(at)) continue;
      placed.add(at);
      const key = `${finding.ruleId}\0${path}\0${finding.fingerprint}`;
      const group = groups.get(key);
      if (group) group.push(finding);
      else groups.set(key, [finding]);
    }
    kept.push(finding);
  }
  const renamed = new Map<Finding, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort(
      (a, b) =>
        a.location.startLine - b.location.startLine ||
        a.location.startColumn - b.location.startColumn,
    );
    ordered.forEach((finding, i) => {
      renamed.set(finding, occurrenceFingerprint(finding.fingerprint, i + 1));
    });
  }
  return kept.map((finding) => {
    const fingerprint = renamed.get(finding);
    return fingerprint === undefined ? finding : { ...finding, fingerprint };
  });
}
