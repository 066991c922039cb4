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
 * Find the secrets in `text`: run each rule whose keyword occurs in the text on the lines
 * around its keyword occurrences (see windows.ts), then drop
 * matches below the rule's entropy, failing its validator, that are placeholders or content
 * hashes, or that the allowlist excuses. A generic rule's match that overlaps text a
 * provider-specific rule matched is dropped: the specific rule's verdict stands. Where the
 * secrets of several rules overlap, only the most specific rule's is returned.
 */
export function detectSecrets(text: string, ruleSet: RuleSet): SecretMatch[] {
  const hits = ruleSet.keywords.scan(text, KEYWORD_LIMIT);
  if (hits.size === 0) return [];
  const keywordEnds = new Map<number, number[] | null>();
  for (const [k, ends] of hits) {
    for (const r of ruleSet.rulesByKeyword[k]) {
      const before = keywordEnds.get(r);
      if (before === null) continue;
      if (ends === null) keywordEnds.set(r, null);
      else if (before === undefined) keywordEnds.set(r, ends.slice());
      else for (const end of ends) before.push(end);
    }
  }

  const lines = new LineIndex(text);
  const found: Candidate[] = [];
  // Spans a provider-specific pattern matched, even when a filter then rejected the match:
  // a generic rule does not report what a specific rule recognised and judged harmless.
  const claimed: Array<[number, number]> = [];
  for (const r of [...keywordEnds.keys()].sort((a, b) => a - b)) {
    const rule = ruleSet.rules[r];
    const spans = rule.generic ? undefined : claimed;
    for (const window of windowsAround(text, keywordEnds.get(r) ?? null, rule.rule.reach)) {
      for (const match of runRule(text, window, rule, lines, ruleSet.allowlist, spans)) {
        found.push({ match, rank: rule.specificity, order: r });
      }
    }
  }

  const unclaimed = found.filter(
    (c) => c.rank > 0 || !claimed.some(([s, e]) => s < c.match.end && c.match.start < e),
  );
  return onePerSpan(unclaimed);
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

function runRule(
  text: string,
  [winStart, winEnd]: [number, number],
  compiled: CompiledRule,
  lines: LineIndex,
  allowlist: SecretAllowlist,
  claimed: Array<[number, number]> | undefined,
): SecretMatch[] {
  const out: SecretMatch[] = [];
  const regex = compiled.regex;
  const part = winStart === 0 && winEnd === text.length ? text : text.slice(winStart, winEnd);
  regex.lastIndex = 0;
  for (let m = regex.exec(part); m !== null; m = regex.exec(part)) {
    if (m[0].length === 0) regex.lastIndex++;
    const local = secretSpan(m, compiled.namedSecret);
    if (!local) continue;
    const span: [number, number] = [local[0] + winStart, local[1] + winStart];
    claimed?.push(span);
    const secret = text.slice(span[0], span[1]);
    // A password equal to its user name (`guest:guest`) is a documented local default.
    if (m.groups?.user === secret) continue;
    if (!accept(secret, text, span[0], compiled, lines, allowlist)) continue;

    const from = lines.position(span[0]);
    const to = lines.position(span[1]);
    out.push({
      ruleId: compiled.rule.id,
      secret,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      matchText: m[0],
      start: span[0],
      end: span[1],
    });
  }
  return out;
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
