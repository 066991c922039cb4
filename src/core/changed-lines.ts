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
      const name = line.slice(4);
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const unquoted = unquote(name);
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

/** Git quotes paths with unusual characters as C strings; undo that. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const body = name.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i] as string;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      const map: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92 };
      bytes.push(map[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
