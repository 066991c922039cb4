/**
 * A rule's pattern runs only near its keywords: from this many characters before each
 * keyword occurrence...
 */
export const WINDOW_BEFORE = 1024;

/** ...to this many after it (room for a PEM block that starts at the keyword)... */
export const WINDOW_AFTER = 8192;

/** ...widened to whole lines; past this many occurrences the whole text is searched. */
export const KEYWORD_LIMIT = 32;

/**
 * The parts of `text` a rule's pattern runs on, as [start, end) offsets: the whole lines
 * around each keyword occurrence (`ends` are offsets just past each occurrence), merged
 * where they touch; `after` is the rule's reach past a keyword (default 8 KiB). `ends` null,
 * or windows covering half the text, mean the whole text.
 * A match that starts more than 1 KiB before every keyword occurrence is not found.
 */
export function windowsAround(
  text: string,
  ends: readonly number[] | null,
  after: number = WINDOW_AFTER,
): Array<[number, number]> {
  const whole: Array<[number, number]> = [[0, text.length]];
  if (ends === null) return whole;

  const merged: Array<[number, number]> = [];
  let covered = 0;
  const sorted = ends.every((end, i) => i === 0 || ends[i - 1] <= end)
    ? ends
    : [...ends].sort((a, b) => a - b);
  for (const end of sorted) {
    const from = text.lastIndexOf('\n', Math.max(0, end - WINDOW_BEFORE) - 1) + 1;
    const newline = text.indexOf('\n', Math.min(text.length, end + after));
    const to = newline === -1 ? text.length : newline;
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) {
      covered += Math.max(0, to - last[1]);
      last[1] = Math.max(last[1], to);
    } else {
      merged.push([from, to]);
      covered += to - from;
    }
  }
  return covered * 2 >= text.length ? whole : merged;
}
