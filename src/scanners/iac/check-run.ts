import type { Finding } from '../../core/finding.js';
import { toFinding, type CheckHit } from './check-finding.js';
import type { Check } from './check-schema.js';
import { indexSuppressions, isSuppressed, type SuppressionIndex } from './check-suppression.js';
import type { FrameworkFile, FrameworkId } from './framework.js';

/**
 * Run `evaluate` for every check, drop hits silenced by an inline `bulwark-ignore` on the
 * offending line or the resource's lines, and return findings ordered by path and line.
 */
export function runChecks(
  framework: FrameworkId,
  checks: readonly Check[],
  files: readonly FrameworkFile[],
  evaluate: (check: Check) => CheckHit[],
): Finding[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const indexes = new Map<string, SuppressionIndex>();
  const indexOf = (path: string): SuppressionIndex => {
    let index = indexes.get(path);
    if (!index) {
      index = indexSuppressions(texts.get(path) ?? '');
      indexes.set(path, index);
    }
    return index;
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const check of checks) {
    const ruleId = `iac/${framework}/${check.id}`;
    for (const hit of evaluate(check)) {
      const lines = [hit.line, ...(hit.resourceLines ?? [])];
      if (isSuppressed(indexOf(hit.path), ruleId, lines)) continue;
      const finding = toFinding(framework, check, hit);
      // One line reached twice with the same message (a YAML anchor merged into several jobs)
      // is one problem to fix, so it is reported once.
      const key = `${ruleId}\0${hit.path}\0${hit.line}\0${hit.column}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }

  return findings.sort(
    (a, b) =>
      compare(a.location.path, b.location.path) ||
      a.location.startLine - b.location.startLine ||
      compare(a.ruleId, b.ruleId),
  );
}

/** Plain code-unit order: stable across locales and much cheaper than localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
