import type { Finding } from './finding.js';

/** The marker that suppresses a finding on its own line or the line below it. */
export const IGNORE_MARKER = 'bulwark-ignore';

/** A parsed `bulwark-ignore [rule-id][: reason]` comment. */
export interface InlineSuppression {
  /** The rule it names, or undefined for every rule. */
  ruleId?: string;
  reason?: string;
}

const MARKER =
  /bulwark-ignore(?![\w-])(?:\s+([\w./*-]+))?(?:\s*[:-]?\s*(.*?))?\s*(?:\*\/|-->)?\s*$/;

/** Parse the suppression comment in a line, if there is one. */
export function parseSuppression(line: string): InlineSuppression | undefined {
  const at = line.indexOf(IGNORE_MARKER);
  if (at < 0) return undefined;
  const match = MARKER.exec(line.slice(at));
  if (!match) return undefined;
  const ruleId = match[1];
  const reason = match[2]?.trim();
  return { ruleId: ruleId || undefined, reason: reason || undefined };
}

/** Whether a suppression applies to a rule id (`secrets/*` covers a whole scanner). */
export function covers(suppression: InlineSuppression, ruleId: string): boolean {
  if (!suppression.ruleId) return true;
  if (suppression.ruleId.endsWith('/*')) return ruleId.startsWith(suppression.ruleId.slice(0, -1));
  return suppression.ruleId === ruleId;
}

// A comment alone on its line: only a comment opener stands before the marker.
const COMMENT_ONLY = /^\s*(?:\/\/|#|\/\*|<!--|--|;|%|\*)\s*bulwark-ignore/;

/**
 * Whether the finding is suppressed by a comment on its first line, or by a comment that
 * stands alone on the line above (a trailing comment there belongs to its own line).
 */
export function isSuppressedInline(finding: Finding, lines: readonly string[]): boolean {
  const line = finding.location.startLine;
  const own = lines[line - 1];
  const above = lines[line - 2];
  const candidates = [own, above !== undefined && COMMENT_ONLY.test(above) ? above : undefined];
  return candidates.some((text) => {
    const suppression = text === undefined ? undefined : parseSuppression(text);
    return suppression !== undefined && covers(suppression, finding.ruleId);
  });
}
