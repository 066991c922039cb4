import type { Finding } from '../../core/finding.js';
import type { Logger } from '../../core/logger.js';
import { toFinding, type CheckHit } from './check-finding.js';
import type { Check } from './check-schema.js';
import {
  indexSuppressions,
  isSuppressed,
  unknownSuppressions,
  type SuppressionIndex,
} from './check-suppression.js';
import { describeProblem } from './check-yaml.js';
import type { FrameworkFile, FrameworkId } from './framework.js';

/** Every framework id, for telling a mistyped framework in a suppression from another's rule. */
const FRAMEWORK_IDS: readonly FrameworkId[] = [
  'terraform',
  'kubernetes',
  'dockerfile',
  'github-actions',
  'gitlab-ci',
];

/**
 * Warn (`path:line:column: ...`, with a "did you mean") about every suppression comment of the
 * files naming an `iac/<framework>/` rule that does not exist: it silences nothing.
 */
export function warnUnknownSuppressions(
  framework: FrameworkId,
  knownChecks: readonly Check[],
  files: readonly FrameworkFile[],
  logger: Logger,
): void {
  const known = knownChecks.map((check) => `iac/${framework}/${check.id}`);
  for (const file of files) {
    const index = indexSuppressions(file.text);
    for (const found of unknownSuppressions(index, framework, known, FRAMEWORK_IDS)) {
      const hint = found.suggestion ? `; did you mean ${found.suggestion}?` : '';
      const message = `${framework}: bulwark-ignore names ${found.ruleId}, which is not a rule, so it silences nothing${hint}`;
      logger.warn(describeProblem(file.path, { ...found, message }));
    }
  }
}

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
  for (const check of checks) {
    const ruleId = `iac/${framework}/${check.id}`;
    const seen = new Map<string, Set<number>>();
    for (const hit of evaluate(check)) {
      const index = indexOf(hit.path);
      if (index.size > 0 && isSuppressed(index, ruleId, [hit.line, ...(hit.resourceLines ?? [])])) {
        continue;
      }
      // One line reached twice (a YAML anchor merged into several jobs) is one problem to fix,
      // so it is reported once, with the first object that reached it.
      let places = seen.get(hit.path);
      if (!places) seen.set(hit.path, (places = new Set()));
      const place = hit.line * 2 ** 24 + hit.column;
      if (places.has(place)) continue;
      places.add(place);
      findings.push(toFinding(framework, check, hit));
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
