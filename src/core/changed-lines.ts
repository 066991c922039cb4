import { unquoteGitPath } from './git-quoting.js';

/** Added or changed lines per file, 1-based, from a `git diff -U0`. */
export type ChangedLines = Map<string, Set<number>>;

/**
 * Parse the output of `git diff -U0 --src-prefix=a/ --dst-prefix=b/` into the lines each
 * file gained. Only `+++` names and hunk headers are read, so the memory used is the size of
 * the line sets, not of the diff text.
 */
export function parseChangedLines(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      // Git ends the name with a tab when it holds a space (for patch(1)), and writes it as a
      // C string when it holds a newline, tab, quote, backslash or (core.quotePath) non-ASCII.
      const name = line.slice(4).replace(/\t$/, '');
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const unquoted = unquoteGitPath(name);
      const path = unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
      current = changed.get(path) ?? new Set<number>();
      changed.set(path, current);
      continue;
    }
    if (!line.startsWith('@@') || !current) continue;
    // Hunk header per the unified diff format: @@ -start,count +start,count @@
    const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!match) continue;
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    for (let n = start; n < start + count; n++) current.add(n);
  }
  return changed;
}

/** Whether any line of [start, end] is in the set. */
export function touches(lines: Set<number> | undefined, start: number, end: number): boolean {
  if (!lines) return false;
  for (let n = start; n <= end; n++) if (lines.has(n)) return true;
  return false;
}
