import { suppressedAt, type LineAt } from '../../core/inline-suppression.js';
import type { Finding } from '../../core/finding.js';

/**
 * The lines a commit added to a file, by their line number in that commit's version of the
 * file; undefined for a line the commit did not add (the patch holds no context lines).
 * `lineRuns` pairs a line index in `text` with its file line, one pair per run of adjacent
 * added lines, as the history parser gives them.
 */
export function addedLineAt(text: string, lineRuns: readonly number[]): LineAt {
  let lines: string[] | undefined;
  return (line) => {
    lines ??= text.split('\n');
    for (let at = 0; at < lineRuns.length; at += 2) {
      const start = lineRuns[at];
      const first = lineRuns[at + 1];
      const next = at + 2 < lineRuns.length ? lineRuns[at + 2] : lines.length;
      if (line >= first && line < first + next - start) {
        const own = lines[start + line - first];
        return own.endsWith('\r') ? own.slice(0, -1) : own;
      }
    }
    return undefined;
  };
}

/**
 * Whether a history finding is suppressed by a `bulwark-ignore` comment among the lines its
 * commit added: on the finding's line, or alone on the line above when the commit added that
 * line too. The rules are those of the working tree (`suppressedAt`).
 */
export function suppressedInPatch(finding: Finding, lineAt: LineAt): boolean {
  const { path, startLine } = finding.location;
  return suppressedAt(finding.ruleId, path, startLine, lineAt);
}
