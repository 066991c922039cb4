import { extname } from 'node:path';

import type { Finding } from './finding.js';
import type { Logger } from './logger.js';

/** The marker that suppresses a finding on its own line or the line below it. */
export const IGNORE_MARKER = 'bulwark-ignore';

/** A parsed `bulwark-ignore [rule-id ...][: reason]` comment. */
export interface InlineSuppression {
  /** The first rule it names, or undefined for every rule. */
  ruleId?: string;
  /** Every rule it names (separated by spaces or commas); empty for every rule. */
  ruleIds: string[];
  reason?: string;
}

const ID = /^[\w*][\w.*-]*(\/[\w.*-]+)*$/;

/** Parse the suppression comment in a line, if there is one. */
export function parseSuppression(line: string): InlineSuppression | undefined {
  const at = markerAt(line);
  if (at < 0) return undefined;
  const rest = line
    .slice(at + IGNORE_MARKER.length)
    .replace(/\s*(\*\/|-->)\s*$/, '')
    .trim();
  const ruleIds: string[] = [];
  let text = rest;
  // The first word is a rule id; later ones only when they look like one (scanner/rule).
  for (;;) {
    const word = /^([^\s,:]+)\s*,?\s*/.exec(text);
    if (!word || !ID.test(word[1] as string)) break;
    const id = word[1] as string;
    if (ruleIds.length > 0 && !id.includes('/')) break;
    ruleIds.push(id);
    text = text.slice(word[0].length);
  }
  const reason = text.replace(/^[:-]\s*/, '').trim();
  return { ruleId: ruleIds[0], ruleIds, reason: reason || undefined };
}

/** Where the marker starts in a line, or -1; `bulwark-ignored` and the like do not count. */
function markerAt(line: string): number {
  const at = line.indexOf(IGNORE_MARKER);
  if (at < 0) return -1;
  return /[\w-]/.test(line.charAt(at + IGNORE_MARKER.length)) ? -1 : at;
}

/** Whether a suppression applies to a rule id (`secrets/*` covers a whole scanner). */
export function covers(suppression: InlineSuppression, ruleId: string): boolean {
  if (suppression.ruleIds.length === 0) return true;
  return suppression.ruleIds.some((id) =>
    id.endsWith('/*') ? ruleId.startsWith(id.slice(0, -1)) : id === ruleId,
  );
}

// A comment alone on its line: only a comment opener stands before the marker.
const COMMENT_ONLY = /^\s*(?:\/\/|#|\/\*|<!--|--|;|%|\*)\s*bulwark-ignore/;

const SLASH = ['//', '/*'];
const HASH = ['#'];
/** Comment openers of source languages; in other files the marker counts wherever it is. */
const COMMENT_OPENERS: Record<string, string[]> = {
  ...Object.fromEntries(
    ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.go', '.java'].map((e) => [
      e,
      SLASH,
    ]),
  ),
  '.py': HASH,
  '.rb': HASH,
  '.php': [...SLASH, '#'],
};

/**
 * Whether the marker of a source line sits inside a comment: a comment opener of the
 * language comes before it, outside string literals. `"bulwark-ignore"` in a string is not a
 * suppression.
 */
export function inComment(path: string, line: string): boolean {
  const openers = COMMENT_OPENERS[extname(path).toLowerCase()];
  const at = markerAt(line);
  if (at < 0) return false;
  if (!openers) return true;
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const char = line.charAt(i);
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (openers.some((opener) => line.startsWith(opener, i))) {
      return true;
    }
  }
  return false;
}

/** The text of 1-based line `line`, or undefined where it is not known. */
export type LineAt = (line: number) => string | undefined;

/** The suppression comments that apply to a position: its own line and, alone, the line above. */
function applicable(path: string, line: number, lineAt: LineAt): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const own = lineAt(line);
  const above = line > 1 ? lineAt(line - 1) : undefined;
  if (own !== undefined) out.push([line, own]);
  if (above !== undefined && COMMENT_ONLY.test(above)) out.push([line - 1, above]);
  return out.filter(([, text]) => inComment(path, text));
}

/**
 * Whether a finding of `ruleId` starting on `line` of `path` is suppressed by a comment on
 * that line, or by a comment that stands alone on the line above (a trailing comment there
 * belongs to its own line). `lineAt` gives the lines: the working tree's, or those a commit
 * added.
 */
export function suppressedAt(ruleId: string, path: string, line: number, lineAt: LineAt): boolean {
  return applicable(path, line, lineAt).some(([, text]) => {
    const suppression = parseSuppression(text);
    return suppression !== undefined && covers(suppression, ruleId);
  });
}

/** Whether the finding is suppressed by a comment in `lines`, its file's lines (`suppressedAt`). */
export function isSuppressedInline(finding: Finding, lines: readonly string[]): boolean {
  const { path, startLine } = finding.location;
  return suppressedAt(finding.ruleId, path, startLine, (n) => lines[n - 1]);
}

/**
 * The `properties` key a history scanner sets on a finding that a suppression comment among
 * the lines its commit added covers. Such findings are dropped and counted here, as the
 * working tree holds no lines of a commit.
 */
export const SUPPRESSED_IN_COMMIT = 'suppressedInCommit';

/** The finding marked as suppressed by a comment in its commit (see `SUPPRESSED_IN_COMMIT`). */
export function markSuppressedInCommit(finding: Finding): Finding {
  return { ...finding, properties: { ...finding.properties, [SUPPRESSED_IN_COMMIT]: true } };
}

/** Whether a history finding was marked with `markSuppressedInCommit`. */
export function isSuppressedInCommit(finding: Finding): boolean {
  return (
    finding.location.commit !== undefined && finding.properties?.[SUPPRESSED_IN_COMMIT] === true
  );
}

/**
 * The findings no inline comment suppresses, and how many one does. A finding located in a
 * commit (history) is judged by its scanner, which sees the lines the commit added and marks
 * it (`markSuppressedInCommit`); one that shares its fingerprint with a finding in the
 * working tree is the same problem, counted (if at all) by the tree's comment.
 */
export function withoutInlineSuppressed(
  findings: readonly Finding[],
  readLines: (path: string) => readonly string[] | undefined,
): { kept: Finding[]; suppressed: number } {
  const inTree = new Set(findings.filter((f) => !f.location.commit).map((f) => f.fingerprint));
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    if (isSuppressedInCommit(finding)) {
      if (!inTree.has(finding.fingerprint)) suppressed++;
      continue;
    }
    const lines = finding.location.commit ? undefined : readLines(finding.location.path);
    if (lines && isSuppressedInline(finding, lines)) {
      suppressed++;
      continue;
    }
    kept.push(finding);
  }
  return { kept, suppressed };
}

/**
 * The rule ids named by a suppression comment at a finding's position that are not among
 * `known` (the rules reported in this scan), with the comment's line: a typo, or a short id.
 */
export function unknownSuppressionIds(
  finding: Finding,
  lines: readonly string[],
  known: ReadonlySet<string>,
): Array<{ line: number; id: string }> {
  const out: Array<{ line: number; id: string }> = [];
  const { path, startLine } = finding.location;
  for (const [line, text] of applicable(path, startLine, (n) => lines[n - 1])) {
    for (const id of parseSuppression(text)?.ruleIds ?? []) {
      if (id.endsWith('/*') || known.has(id)) continue;
      out.push({ line, id });
    }
  }
  return out;
}

/**
 * Warn, once per comment and id, about suppression comments beside reported findings that
 * name a rule no finding of this scan has: a typo, or a short id where the full one is needed.
 */
export function warnUnknownSuppressions(
  reported: readonly Finding[],
  all: readonly Finding[],
  readLines: (path: string) => readonly string[] | undefined,
  logger: Logger,
): void {
  const known = new Set(all.map((f) => f.ruleId));
  const said = new Set<string>();
  for (const finding of reported) {
    const lines = finding.location.commit ? undefined : readLines(finding.location.path);
    if (!lines) continue;
    for (const { line, id } of unknownSuppressionIds(finding, lines, known)) {
      const where = `${finding.location.path}:${line}`;
      if (said.has(`${where} ${id}`)) continue;
      said.add(`${where} ${id}`);
      const full = finding.ruleId.endsWith(`/${id}`) ? `; write the full id ${finding.ruleId}` : '';
      logger.warn(
        `${where}: bulwark-ignore names ${id}, which is not a rule reported in this scan, so it suppresses nothing; the finding here is ${finding.ruleId}${full}`,
      );
    }
  }
}
