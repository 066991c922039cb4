import { redactSecret } from '../../core/redact.js';
import type { SecretMatch } from './detect.js';
import type { LineIndex } from './line-index.js';

/** Longest evidence kept; longer lines (minified files) are cut around the secret. */
const MAX_EVIDENCE = 200;

/** Characters kept on each side of the secret when a line is cut. */
const CUT_CONTEXT = 80;

/**
 * The line holding `match`, with every secret found on it redacted, cut around the match
 * when the line is long. Only the first line of a multi-line secret is shown.
 */
export function redactedEvidence(
  text: string,
  lines: LineIndex,
  match: SecretMatch,
  all: readonly SecretMatch[],
): string {
  const lineStart = lines.lineStart(match.start);
  const lineEnd = lines.lineEnd(match.start);
  const onLine = all
    .filter((m) => m.start < lineEnd && m.end > lineStart)
    .sort((a, b) => a.start - b.start);

  let out = '';
  let pos = lineStart;
  let targetAt = 0;
  let targetLength = 0;
  for (const m of onLine) {
    if (m.start < pos) continue;
    out += text.slice(pos, m.start);
    const shown = redactSecret(m.secret);
    if (m === match) {
      targetAt = out.length;
      targetLength = shown.length;
    }
    out += shown;
    pos = m.end;
  }
  if (pos < lineEnd) out += text.slice(pos, lineEnd);

  return cut(out.replace(/\r$/, ''), targetAt, targetLength);
}

function cut(line: string, at: number, length: number): string {
  if (line.length <= MAX_EVIDENCE) return line.trim();
  const from = Math.max(0, at - CUT_CONTEXT);
  const to = Math.min(line.length, at + length + CUT_CONTEXT);
  const head = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  return `${head}${line.slice(from, to).trim()}${tail}`;
}
