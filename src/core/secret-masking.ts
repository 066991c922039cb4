import type { Finding, FlowStep } from './finding.js';
import { redactIn } from './redact.js';

/** Secrets shorter than this are not searched for in other text (too likely to be words). */
const MIN_SECRET = 8;

/** Weaknesses whose findings point at a hard-coded credential: passwords, keys, tokens. */
const HARD_CODED_SECRET = new Set(['CWE-798', 'CWE-259', 'CWE-321']);

/**
 * Whether a finding of another scanner is about a literal secret (a Dockerfile ARG, a
 * Kubernetes env value, a key passed to an SDK): its code frame would print the secret, so,
 * like a secrets finding, it shows only its redacted evidence.
 */
export function holdsSecret(finding: Finding): boolean {
  return finding.cwe.some((id) => HARD_CODED_SECRET.has(id));
}

/** Characters a secret value is made of, for finding its ends on a line. */
const VALUE_CHAR = /[^\s"'`=:,;()[\]{}<>]/;

/**
 * The secret values found in working-tree files. A secrets finding gives the text at its
 * location (columns are 1-based, the end exclusive; a secret over several lines, such as a PEM
 * key, gives each line's piece). A finding of another scanner about a literal secret gives the
 * value its redacted evidence points at: the run of value characters on its line where the
 * evidence's shown part (`NPM_TOKEN=npm_****`) ends. History findings are skipped: their lines
 * are not on disk.
 */
export function secretValues(
  findings: readonly Finding[],
  readLines: (path: string) => readonly string[] | undefined,
): string[] {
  const values = new Set<string>();
  for (const finding of findings) {
    if (finding.location.commit) continue;
    const { path, startLine, startColumn, endLine, endColumn } = finding.location;
    const lines = readLines(path);
    if (!lines) continue;
    if (finding.scanner !== 'secrets') {
      if (!holdsSecret(finding)) continue;
      const value = valueAtEvidence(finding.evidence, lines.slice(startLine - 1, endLine));
      if (value !== undefined && value.length >= MIN_SECRET) values.add(value);
      continue;
    }
    for (let n = startLine; n <= endLine; n++) {
      const line = lines[n - 1] ?? '';
      const from = n === startLine ? startColumn - 1 : 0;
      const to = n === endLine ? endColumn - 1 : line.length;
      const piece = line.slice(from, to).trim();
      if (piece.length >= MIN_SECRET) values.add(piece);
    }
  }
  // Longest first, so a secret that contains another is masked whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** The value a redacted evidence (`shown part` then `****`) points at on one of `lines`. */
function valueAtEvidence(
  evidence: string | undefined,
  lines: readonly string[],
): string | undefined {
  const star = evidence?.indexOf('****') ?? -1;
  if (!evidence || star <= 0) return undefined;
  const shown = evidence.slice(0, star);
  for (const line of lines) {
    const at = line.indexOf(shown);
    if (at < 0) continue;
    let from = at + shown.length;
    let to = from;
    while (from > 0 && VALUE_CHAR.test(line[from - 1] ?? '')) from--;
    while (to < line.length && VALUE_CHAR.test(line[to] ?? '')) to++;
    return line.slice(from, to);
  }
  return undefined;
}

/**
 * The finding with every known secret masked to its first characters wherever text from the
 * scanned files can appear: message, evidence, code frame, data flow, fix and properties. A
 * code or infrastructure finding on a line that also holds a secret would otherwise print it.
 */
export function maskSecrets(finding: Finding, secrets: readonly string[]): Finding {
  if (secrets.length === 0) return finding;
  const mask = (text: string): string => redactIn(text, secrets);
  const out: Finding = { ...finding, message: mask(finding.message) };
  if (finding.evidence !== undefined) out.evidence = mask(finding.evidence);
  if (finding.snippet) out.snippet = { ...finding.snippet, lines: finding.snippet.lines.map(mask) };
  if (finding.flow) {
    out.flow = finding.flow.map((step: FlowStep) => ({ ...step, message: mask(step.message) }));
  }
  if (finding.fix) {
    out.fix = { ...finding.fix, text: mask(finding.fix.text) };
    if (finding.fix.replacement) {
      out.fix.replacement = {
        ...finding.fix.replacement,
        content: mask(finding.fix.replacement.content),
      };
    }
  }
  if (finding.properties)
    out.properties = maskValue(finding.properties, mask) as Record<string, unknown>;
  return out;
}

function maskValue(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskValue(v, mask)]),
    );
  }
  return value;
}
