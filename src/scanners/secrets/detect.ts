import { shannonEntropy } from './entropy.js';
import { LineIndex } from './line-index.js';
import {
  codeIdentifierReason,
  nonSecretHashReason,
  placeholderReason,
  wordLikeReason,
} from './placeholders.js';
import type { CompiledRule, RuleSet, SecretAllowlist } from './ruleset.js';
import { KEYWORD_LIMIT, windowsAround } from './windows.js';

/** One secret found in a text. Lines and columns are 1-based; `endColumn` is exclusive. */
export interface SecretMatch {
  ruleId: string;
  secret: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The whole text the rule's pattern matched (it contains the secret). */
  matchText: string;
  /** Offsets of the secret in the text: start inclusive, end exclusive. */
  start: number;
  end: number;
}

/** Characters that open a string literal. */
const QUOTES = '"\'`';

/** How far back on the secret's line the hash-context checks look. */
const CONTEXT_CHARS = 200;

/**
 * Find the secrets in `text`. One pass of the keyword automaton finds where every keyword
 * occurs. A rule whose matches all start with one of its keywords (see anchor.ts) tries its
 * pattern, sticky, at each place one of them starts; any other rule searches the lines around
 * its keyword occurrences (see windows.ts). Matches below the rule's entropy, failing its
 * validator, that are placeholders or content hashes, or that the allowlist excuses are
 * dropped. A generic rule's match that overlaps text a provider-specific rule matched is
 * dropped: the specific rule's verdict stands. Where the secrets of several rules overlap,
 * only the most specific rule's is returned.
 */
export function detectSecrets(text: string, ruleSet: RuleSet): SecretMatch[] {
  const hits = ruleSet.keywords.scan(text, Number.POSITIVE_INFINITY);
  if (hits.size === 0) return [];
  const positions = positionsByRule(hits, ruleSet);

  const lines = new LineIndex(text);
  const found: Candidate[] = [];
  // Spans a provider-specific pattern matched, even when a filter then rejected the match:
  // a generic rule does not report what a specific rule recognised and judged harmless.
  const claimed: Array<[number, number]> = [];
  const context = { text, lines, allowlist: ruleSet.allowlist };
  for (const r of [...positions.keys()].sort((a, b) => a - b)) {
    const rule = ruleSet.rules[r];
    const spans = rule.generic ? undefined : claimed;
    const at = positions.get(r) ?? null;
    const matches =
      rule.sticky && at !== null
        ? runAnchored(context, at, rule, spans)
        : windowsAround(text, at, rule.rule.reach).flatMap((window) =>
            runRule(context, window, rule, spans),
          );
    for (const match of matches) found.push({ match, rank: rule.specificity, order: r });
  }

  const unclaimed = found.filter(
    (c) => c.rank > 0 || !claimed.some(([s, e]) => s < c.match.end && c.match.start < e),
  );
  return onePerSpan(unclaimed);
}

/**
 * For each rule a keyword enables: where an anchored rule's keywords start, or where a
 * searched rule's keywords end (null when one of them occurs more than KEYWORD_LIMIT times,
 * which means the whole text).
 */
function positionsByRule(
  hits: Map<number, number[] | null>,
  ruleSet: RuleSet,
): Map<number, number[] | null> {
  const out = new Map<number, number[] | null>();
  for (const [k, ends] of hits) {
    const length = ruleSet.keywords.keywords[k].length;
    for (const r of ruleSet.rulesByKeyword[k]) {
      const before = out.get(r);
      if (before === null) continue;
      const anchored = ruleSet.rules[r].sticky !== undefined;
      if (ends === null || (!anchored && ends.length > KEYWORD_LIMIT)) {
        out.set(r, null);
        continue;
      }
      const list = before ?? [];
      for (const end of ends) list.push(anchored ? end - length : end);
      if (before === undefined) out.set(r, list);
    }
  }
  return out;
}

/** A match with what decides between overlapping matches: the rule's specificity and order. */
interface Candidate {
  match: SecretMatch;
  rank: number;
  order: number;
}

/**
 * Keep one match per secret: where secrets of several rules overlap, the most specific rule
 * wins (provider > context > format > generic), then the longer secret, then the rule loaded
 * first. The result is in text order.
 */
function onePerSpan(candidates: Candidate[]): SecretMatch[] {
  const byPreference = [...candidates].sort(
    (a, b) =>
      b.rank - a.rank ||
      b.match.end - b.match.start - (a.match.end - a.match.start) ||
      a.order - b.order ||
      a.match.start - b.match.start,
  );
  const kept: SecretMatch[] = [];
  for (const { match } of byPreference) {
    if (kept.some((k) => k.start < match.end && match.start < k.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

/** The text being scanned and what judging a match needs. */
interface ScanState {
  text: string;
  lines: LineIndex;
  allowlist: SecretAllowlist;
}

/**
 * Run an anchored rule's sticky pattern at each keyword start, in text order, skipping
 * starts inside the previous match: the matches a search of the whole text would find.
 */
function runAnchored(
  state: ScanState,
  starts: number[],
  compiled: CompiledRule,
  claimed: Array<[number, number]> | undefined,
): SecretMatch[] {
  const out: SecretMatch[] = [];
  const regex = compiled.sticky as RegExp;
  if (starts.some((at, i) => i > 0 && starts[i - 1] > at)) starts.sort((a, b) => a - b);
  let next = 0;
  for (const start of starts) {
    if (start < next) continue;
    regex.lastIndex = start;
    const m = regex.exec(state.text);
    if (m === null) continue;
    next = Math.max(start + 1, m.index + m[0].length);
    const match = judge(state, m, 0, compiled, claimed);
    if (match) out.push(match);
  }
  return out;
}

/** Search one window of the text with a rule's pattern. */
function runRule(
  state: ScanState,
  [winStart, winEnd]: [number, number],
  compiled: CompiledRule,
  claimed: Array<[number, number]> | undefined,
): SecretMatch[] {
  const out: SecretMatch[] = [];
  const { text } = state;
  const regex = compiled.regex;
  const part = winStart === 0 && winEnd === text.length ? text : text.slice(winStart, winEnd);
  regex.lastIndex = 0;
  for (let m = regex.exec(part); m !== null; m = regex.exec(part)) {
    if (m[0].length === 0) regex.lastIndex++;
    const match = judge(state, m, winStart, compiled, claimed);
    if (match) out.push(match);
  }
  return out;
}

/**
 * The match a pattern match reports, or undefined when it has no secret or a filter rejects
 * it; `offset` is where the searched part starts in the text.
 */
function judge(
  state: ScanState,
  m: RegExpExecArray,
  offset: number,
  compiled: CompiledRule,
  claimed: Array<[number, number]> | undefined,
): SecretMatch | undefined {
  const { text, lines } = state;
  const local = secretSpan(m, compiled.namedSecret);
  if (!local) return undefined;
  const span: [number, number] = [local[0] + offset, local[1] + offset];
  claimed?.push(span);
  const secret = text.slice(span[0], span[1]);
  // A password equal to its user name (`guest:guest`) is a documented local default.
  if (m.groups?.user === secret) return undefined;
  if (!accept(secret, text, span[0], compiled, lines, state.allowlist)) return undefined;

  const from = lines.position(span[0]);
  const to = lines.position(span[1]);
  return {
    ruleId: compiled.rule.id,
    secret,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    matchText: m[0],
    start: span[0],
    end: span[1],
  };
}

/** The secret's span: the `secret` group, else group 1 when the pattern has one, else all. */
function secretSpan(m: RegExpExecArray, named: boolean): [number, number] | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  const span = named ? indices.groups?.secret : indices.length > 1 ? indices[1] : indices[0];
  if (!span || span[1] <= span[0]) return undefined;
  return span;
}

function accept(
  secret: string,
  text: string,
  start: number,
  compiled: CompiledRule,
  lines: LineIndex,
  allowlist: SecretAllowlist,
): boolean {
  const { rule, validator } = compiled;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (validator && !validator(secret)) return false;
  if (placeholderReason(secret) !== undefined) return false;
  if (compiled.generic && wordLikeReason(secret) !== undefined) return false;
  const quoted = start > 0 && QUOTES.includes(text[start - 1]);
  if (compiled.generic && !quoted && codeIdentifierReason(secret) !== undefined) return false;

  const before = text.slice(Math.max(lines.lineStart(start), start - CONTEXT_CHARS), start);
  if (nonSecretHashReason(secret, before) !== undefined) return false;

  const lower = secret.toLowerCase();
  if (allowlist.stopwords.some((word) => lower.includes(word))) return false;
  return !allowlist.regexes.some((regex) => regex.test(secret));
}
