/**
 * Decides whether every match of a rule's pattern starts with one of its keywords. Such a
 * rule need not search text at all: its pattern is tried, sticky, at each place a keyword
 * starts, which finds exactly the matches a search of the whole text finds. The analysis reads
 * the pattern's leading part and enumerates the strings it can start with (literals, small
 * character classes, optional items, groups and alternatives); anything it does not
 * understand, and any `^` or `$`, makes the answer "no", and the rule is searched around its
 * keywords instead.
 */

/** The analysis' version, part of the rule cache's stamp: change it when the analysis changes. */
export const ANCHOR_ANALYSIS = 2;

/** Stop enumerating past this many alternative prefixes. */
const MAX_PREFIXES = 64;

/** Largest character class enumerated, in characters. */
const MAX_CLASS = 8;

/** A parsed piece of pattern: a set of alternative strings it may consume, optional or not. */
type Item =
  | { kind: 'chars'; options: string[]; optional: boolean }
  | { kind: 'group'; alternatives: Item[][]; optional: boolean }
  | { kind: 'skip' }
  | { kind: 'unknown' };

/** True when every match of `pattern` starts with one of `keywords` (ASCII case ignored). */
export function startsWithKeyword(pattern: string, keywords: readonly string[]): boolean {
  const lower = keywords.map((k) => k.toLowerCase());
  const parsed = parseAlternatives(pattern, 0);
  if (!parsed || parsed.end !== pattern.length) return false;
  const result = expand(parsed.alternatives, [''], lower);
  return result !== undefined && result.every((s) => isCovered(s, lower));
}

function isCovered(text: string, keywords: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return keywords.some((k) => lower.startsWith(k));
}

/**
 * The prefixes `alternatives` can produce after each of `from`, stopping a branch once it is
 * covered by a keyword; undefined when the enumeration fails.
 */
function expand(
  alternatives: Item[][],
  from: string[],
  keywords: readonly string[],
): string[] | undefined {
  const out: string[] = [];
  for (const sequence of alternatives) {
    const produced = expandSequence(sequence, from, keywords);
    if (produced === undefined) return undefined;
    out.push(...produced);
    if (out.length > MAX_PREFIXES) return undefined;
  }
  return out;
}

function expandSequence(
  sequence: Item[],
  from: string[],
  keywords: readonly string[],
): string[] | undefined {
  let current = from;
  for (const item of sequence) {
    if (current.every((s) => isCovered(s, keywords))) return current;
    if (item.kind === 'skip') continue;
    if (item.kind === 'unknown') return undefined;
    const next: string[] = [];
    if (item.kind === 'chars') {
      for (const s of current) for (const option of item.options) next.push(s + option);
    } else {
      const produced = expand(item.alternatives, current, keywords);
      if (produced === undefined) return undefined;
      next.push(...produced);
    }
    if (item.optional) next.push(...current);
    if (next.length > MAX_PREFIXES) return undefined;
    current = next;
  }
  return current;
}

/** Parse alternatives up to an unmatched `)` or the end. */
function parseAlternatives(
  pattern: string,
  start: number,
): { alternatives: Item[][]; end: number } | undefined {
  const alternatives: Item[][] = [[]];
  let i = start;
  while (i < pattern.length && pattern[i] !== ')') {
    if (pattern[i] === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    const atom = parseAtom(pattern, i);
    if (!atom) return undefined;
    const quantified = applyQuantifier(pattern, atom.end, atom.item);
    alternatives[alternatives.length - 1].push(quantified.item);
    i = quantified.end;
  }
  return { alternatives, end: i };
}

function parseAtom(pattern: string, i: number): { item: Item; end: number } | undefined {
  const c = pattern[i];
  if (c === '(') return parseGroup(pattern, i);
  if (c === '[') return parseClass(pattern, i);
  if (c === '\\') return parseEscape(pattern, i);
  // A searched window ends at a line end, which `$` matches; a sticky match on the whole
  // text would not: patterns with line anchors are searched.
  if (c === '^' || c === '$') return undefined;
  if (c === '.') return { item: { kind: 'unknown' }, end: i + 1 };
  if ('*+?{'.includes(c)) return undefined;
  return { item: { kind: 'chars', options: [c], optional: false }, end: i + 1 };
}

function parseGroup(pattern: string, i: number): { item: Item; end: number } | undefined {
  let body = i + 1;
  let lookaround = false;
  if (pattern.startsWith('?:', body)) body += 2;
  else if (/^\?<?[=!]/.test(pattern.slice(body, body + 3))) {
    lookaround = true;
    body += pattern[body + 1] === '<' ? 3 : 2;
  } else if (pattern.startsWith('?<', body)) {
    const close = pattern.indexOf('>', body);
    if (close === -1) return undefined;
    body = close + 1;
  } else if (pattern[body] === '?') return undefined;
  const inner = parseAlternatives(pattern, body);
  if (!inner || pattern[inner.end] !== ')') return undefined;
  const item: Item = lookaround
    ? { kind: 'skip' }
    : { kind: 'group', alternatives: inner.alternatives, optional: false };
  return { item, end: inner.end + 1 };
}

function parseClass(pattern: string, i: number): { item: Item; end: number } | undefined {
  const chars: string[] = [];
  let j = i + 1;
  let known = pattern[j] !== '^';
  for (; j < pattern.length && pattern[j] !== ']'; j++) {
    let c = pattern[j];
    if (c === '\\') {
      c = pattern[++j] ?? '';
      if (/[A-Za-z0-9]/.test(c)) known = false;
    }
    if (pattern[j + 1] === '-' && pattern[j + 2] !== ']' && pattern[j + 2] !== undefined) {
      known = false;
      j += 2;
    }
    chars.push(c);
  }
  if (j >= pattern.length) return undefined;
  const end = j + 1;
  if (!known || chars.length === 0 || chars.length > MAX_CLASS) {
    return { item: { kind: 'unknown' }, end };
  }
  return { item: { kind: 'chars', options: chars, optional: false }, end };
}

function parseEscape(pattern: string, i: number): { item: Item; end: number } | undefined {
  const c = pattern[i + 1];
  if (c === undefined) return undefined;
  if (c === 'b' || c === 'B') return { item: { kind: 'skip' }, end: i + 2 };
  // Character classes (\d, \w, \s), code escapes (\x41, \u0041) and back references.
  if (/[A-Za-z0-9]/.test(c)) return { item: { kind: 'unknown' }, end: i + 2 };
  return { item: { kind: 'chars', options: [c], optional: false }, end: i + 2 };
}

/** Apply `?` (optional) or `{1}`; any other quantifier makes the item unknown. */
function applyQuantifier(pattern: string, i: number, item: Item): { item: Item; end: number } {
  const c = pattern[i];
  if (c === '?' || c === '*' || c === '+' || c === '{') {
    const exact = /^\{1\}/.exec(pattern.slice(i));
    let end = c === '{' ? pattern.indexOf('}', i) + 1 : i + 1;
    if (end === 0) end = pattern.length;
    if (pattern[end] === '?') end++;
    if (exact) return { item, end };
    if (c === '?' && (item.kind === 'chars' || item.kind === 'group')) {
      return { item: { ...item, optional: true }, end };
    }
    if (item.kind === 'skip') return { item, end };
    return { item: { kind: 'unknown' }, end };
  }
  return { item, end: i };
}
