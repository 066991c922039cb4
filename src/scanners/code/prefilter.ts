import type { AstRule } from './rule-schema.js';
import { WordFinder, type WordHits, type WordSpec } from './word-finder.js';

/**
 * A cheap condition on a file's text that must hold for a rule to have any chance of
 * matching: words, or runs of tokens, that every match contains. Files failing it are never
 * parsed for the rule.
 * A code rule runs on a file only when the file contains the words of the rule's patterns, so
 * code that reaches a sink through computed names (`el['inner' + 'HTML']`) is not matched.
 */
export type Requirement =
  | true
  | { word: string; partial?: boolean }
  | { tokens: string[] }
  | { all: Requirement[] }
  | { any: Requirement[] };

/** How a rule's patterns are read for their words: which rule utilities exist, and where. */
export interface RequirementContext {
  utils?: Record<string, AstRule>;
  seen?: Set<string>;
  /** Only words inside the matched node count (`inside`, `precedes`, `follows` look outside). */
  local?: boolean;
  /**
   * Whether runs of tokens (`fs.readFile(`) may be required as written. Off for languages whose
   * patterns use `$` in plain names (PHP), where only single words are taken.
   */
  runs?: boolean;
}

const WORD = /(?<![$\w])[A-Za-z_][A-Za-z0-9_]*/g;
const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
/** Pattern tokens: metavariables, names, `.`/`::`, `(`, or any other single character. */
const TOKEN = /\$\$?\$?[A-Z_][A-Z0-9_]*|\$\$\$|\$?[A-Za-z_][\w]*|::|\S/g;
/** A name: `$` then a lower-case letter is part of it (`prisma.$queryRawUnsafe`), not a metavariable. */
const NAME = /^(?:[A-Za-z_]|\$[a-z])\w*$/;

/** The words of an ast-grep pattern that every match must contain (metavariables excluded). */
export function patternWords(pattern: string): string[] {
  return [...new Set(pattern.match(WORD) ?? [])].filter((word) => word.length >= 3);
}

/**
 * What a pattern requires of a file: each run of names joined by `.`, spaces or a call's `(`
 * must appear as written (spaces and comments may differ), and words inside string literals
 * must appear anywhere. Metavariables and other punctuation end a run.
 */
export function patternRequirement(pattern: string, runs = true): Requirement {
  if (!runs) return allOf(patternWords(pattern).map((word) => ({ word })));
  const parts: Requirement[] = [];
  for (const literal of pattern.match(STRING) ?? []) {
    for (const word of patternWords(literal)) parts.push({ word });
  }
  let run: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && !NAME.test(run[run.length - 1]) && run[run.length - 1] !== '(')
      run.pop();
    while (run.length > 0 && run[0] === '(') run.shift();
    const names = run.filter((token) => NAME.test(token));
    if (names.length === 1 && run.length === 1 && names[0].length >= 3)
      parts.push({ word: run[0] });
    if (names.length > 0 && run.length > 1) parts.push({ tokens: run });
    run = [];
  };
  for (const token of pattern.replace(STRING, ' " ').match(TOKEN) ?? []) {
    const joins = NAME.test(token) || token === '.' || token === '::' || token === '(';
    if (!joins || (token.startsWith('$') && !NAME.test(token))) {
      flush();
      continue;
    }
    if (NAME.test(token) && run.length > 0 && !['.', '::', '('].includes(run[run.length - 1]))
      flush();
    run.push(token);
    if (token === '(') flush();
  }
  flush();
  return allOf(parts);
}

/** The requirement a rule object puts on a file's text; `utils` resolves `matches` references. */
export function requirementOf(rule: AstRule, context: RequirementContext = {}): Requirement {
  const { utils = {}, seen = new Set<string>(), local = false, runs = true } = context;
  const parts: Requirement[] = [];
  // A pattern with a context names words outside the selected node, so it gives none locally.
  if (rule.pattern !== undefined && !(local && typeof rule.pattern !== 'string')) {
    const text = typeof rule.pattern === 'string' ? rule.pattern : selected(rule.pattern.context);
    parts.push(patternRequirement(text, runs));
  }
  if (rule.regex !== undefined) parts.push(regexRequirement(rule.regex));
  const relations = local ? [rule.has] : [rule.inside, rule.has, rule.precedes, rule.follows];
  for (const relation of relations) {
    if (relation) parts.push(requirementOf(relation, context));
  }
  for (const sub of rule.all ?? []) parts.push(requirementOf(sub, context));
  if (rule.any) parts.push(anyOf(rule.any.map((sub) => requirementOf(sub, context))));
  if (rule.matches !== undefined && !seen.has(rule.matches) && utils[rule.matches]) {
    const next = { ...context, seen: new Set([...seen, rule.matches]) };
    parts.push(requirementOf(utils[rule.matches], next));
  }
  return allOf(parts);
}

/**
 * The part of a pattern context that a match covers: a context wraps the wanted code in
 * scaffolding (`func f() { ... }`), whose words need not appear in the file, so only the text
 * inside its outermost braces is used.
 */
function selected(context: string): string {
  const open = context.indexOf('{');
  const close = context.lastIndexOf('}');
  return open >= 0 && close > open ? context.slice(open + 1, close) : '';
}

/**
 * The words a simple regex needs: `^name$`, `^(a|b)$` or a plain word. Anything else (classes,
 * quantifiers, case-insensitive flags) gives no requirement.
 */
export function regexRequirement(regex: string): Requirement {
  const body = regex.replace(/^\^/, '').replace(/\$$/, '');
  const found = /^\(?([A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*)\)?$/.exec(body);
  if (!found) return true;
  return anyOf(found[1].split('|').map((word) => ({ word })));
}

/** Conjunction, simplified: `true` parts drop out. */
export function allOf(parts: Requirement[]): Requirement {
  const kept = parts.filter((part) => part !== true);
  if (kept.length === 0) return true;
  return kept.length === 1 ? kept[0] : { all: kept };
}

/** Disjunction, simplified: any `true` part makes the whole true; repeated parts go. */
export function anyOf(parts: Requirement[]): Requirement {
  if (parts.length === 0 || parts.some((part) => part === true)) return true;
  const unique = [...new Map(parts.map((part) => [JSON.stringify(part), part])).values()];
  return unique.length === 1 ? unique[0] : { any: unique };
}

/**
 * Whitespace, comments and line continuations that may sit between two tokens of a run. Each
 * alternative starts with its own character and cannot overlap the next, so the expression
 * never backtracks much on long runs of comments.
 */
const GAP = String.raw`(?:\s|\\\n|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/|\/\/[^\n]*\n|#[^\n]*\n)*`;

/**
 * The regular expression of a run of tokens. It accepts more than the pattern: optional
 * chaining and non-null marks before `.` and `(`, `::` for `.`, and type arguments before `(`.
 */
export function runRegex(tokens: readonly string[]): RegExp {
  const parts = tokens.map((token) => {
    if (token === '.' || token === '::') return String.raw`(?:[?!&]?\.|::)`;
    if (token === '(') return String.raw`(?:(?:\?\.|!)${GAP})?(?:<[^;{}()<>]*>${GAP})?\(`;
    return token.replace(/\$/g, '\\$');
  });
  const first = NAME.test(tokens[0]) ? '(?<![\\w$])' : '';
  const last = NAME.test(tokens[tokens.length - 1]) ? '(?![\\w$])' : '';
  return new RegExp(`${first}${parts.join(GAP)}${last}`);
}

/**
 * A run of tokens as checked on texts: its regex, and where a match can start. A match starts
 * at an occurrence of the first name when the run begins with one; when it begins with `.`,
 * it starts at the `.` (or `::`) found before an occurrence of the first name by stepping back
 * over spaces. Spaces that may hide a comment or a line continuation send the check to the
 * whole text instead, so the answer is always that of the regex on the whole text.
 */
class Run {
  readonly regex: RegExp;
  /** The same expression, tried at one position only. */
  private readonly sticky: RegExp;
  /** The name at whose occurrences the check starts, and whether a `.` or `::` comes first. */
  private readonly anchor: { name: string; dotFirst: boolean } | undefined;

  constructor(readonly tokens: readonly string[]) {
    this.regex = runRegex(tokens);
    this.sticky = new RegExp(this.regex.source, 'y');
    if (NAME.test(tokens[0])) this.anchor = { name: tokens[0], dotFirst: false };
    else if ((tokens[0] === '.' || tokens[0] === '::') && tokens.length > 1 && NAME.test(tokens[1]))
      this.anchor = { name: tokens[1], dotFirst: true };
  }

  /** The name whose occurrences the check starts from, if the run has one. */
  get anchorName(): string | undefined {
    return this.anchor?.name;
  }

  /**
   * Whether the run's regex matches somewhere in `text`. `starts` may give every offset where
   * the anchor name occurs as an identifier; without it the text is searched for the name.
   */
  test(text: string, starts?: readonly number[]): boolean {
    const { anchor } = this;
    if (!anchor) return this.regex.test(text);
    if (starts) {
      for (const at of starts) {
        const found = this.testAt(text, at, anchor);
        if (found !== undefined) return found;
      }
      return false;
    }
    for (let at = text.indexOf(anchor.name); at >= 0; at = text.indexOf(anchor.name, at + 1)) {
      const found = this.testAt(text, at, anchor);
      if (found !== undefined) return found;
    }
    return false;
  }

  /**
   * The answer for the whole text if the anchor name's occurrence at `at` settles it: true
   * when a match holds it, or the whole text's answer when a comment may sit before it.
   */
  private testAt(
    text: string,
    at: number,
    anchor: { name: string; dotFirst: boolean },
  ): boolean | undefined {
    // The name stands alone in every match: `[\w$]` neither before nor after it.
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return undefined;
    if (isWordChar(text.charCodeAt(at + anchor.name.length))) return undefined;
    const start = anchor.dotFirst ? dotBefore(text, at) : at;
    if (start === WHOLE_TEXT) return this.regex.test(text);
    if (start === NONE) return undefined;
    this.sticky.lastIndex = start;
    return this.sticky.test(text) ? true : undefined;
  }
}

const NONE = -1;
const WHOLE_TEXT = -2;

/**
 * Where a `.` or `::` token ends up before offset `at` with only spaces between: the offset of
 * the `.` (a match from the `?` of `?.` also matches from its `.`), of the first `:` of `::`,
 * NONE when there is none, or WHOLE_TEXT when a comment or line continuation may sit between.
 */
function dotBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      if (lineMayEndInComment(text, i)) return WHOLE_TEXT;
    } else if (!isSpace(c)) break;
    i--;
  }
  if (i < 0) return NONE;
  const c = text.charCodeAt(i);
  if (c === DOT) return i;
  if (c === COLON) return i > 0 && text.charCodeAt(i - 1) === COLON ? i - 1 : NONE;
  if (c === SLASH) return i > 0 && text.charCodeAt(i - 1) === STAR ? WHOLE_TEXT : NONE;
  return c === BACKSLASH ? WHOLE_TEXT : NONE;
}

/** Whether the line that ends at the newline at `end` holds `//` or `#`. */
function lineMayEndInComment(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return false;
    if (c === HASH || (c === SLASH && i > 0 && text.charCodeAt(i - 1) === SLASH)) return true;
  }
  return false;
}

const NEWLINE = 10;
const DOT = 46;
const COLON = 58;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const HASH = 35;

/** `[A-Za-z0-9_$]`; false past the end of the text (NaN). */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36
  );
}

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const runs = new Map<string, Run>();

function runOf(tokens: readonly string[]): Run {
  const key = tokens.join(' ');
  let run = runs.get(key);
  if (!run) {
    run = new Run(tokens);
    runs.set(key, run);
  }
  return run;
}

/**
 * Every word the requirements checked so far ask for. Each file's text is searched for all of
 * them in one pass; a requirement seen for the first time adds its words, and the search is
 * rebuilt before the next text is indexed.
 */
class Vocabulary {
  readonly words: WordSpec[] = [];
  private readonly identifiers = new Map<string, number>();
  private readonly anywhere = new Map<string, number>();
  private finder: WordFinder | undefined;
  /** Whether `finder` searches for the words as they are now. */
  private current = false;

  /** The word's number, if it was added. */
  idOf(word: string, partial: boolean): number | undefined {
    return (isWhole(word, partial) ? this.identifiers : this.anywhere).get(word);
  }

  /** The word's number; `track` asks for where it occurs as well. */
  add(word: string, partial: boolean, track = false): number {
    const whole = isWhole(word, partial);
    const ids = whole ? this.identifiers : this.anywhere;
    let id = ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push({ text: word, whole, track });
      ids.set(word, id);
      this.current = false;
    } else if (track && !this.words[id].track) {
      this.words[id] = { ...this.words[id], track };
      this.current = false;
    }
    return id;
  }

  /** The search for every word added so far. */
  search(): WordFinder {
    if (!this.finder || !this.current) {
      this.finder = new WordFinder([...this.words]);
      this.current = true;
    }
    return this.finder;
  }
}

function isWhole(word: string, partial: boolean): boolean {
  return !partial && IDENTIFIER.test(word);
}

const vocabulary = new Vocabulary();

const KIND_ALL = 0;
const KIND_ANY = 1;
const KIND_RUN = 2;

/**
 * A requirement with its words numbered in the vocabulary, for fast repeated checks: all (or
 * any) of `words` and of `parts`, or a run whose names are `words`. The plain words of an
 * `all` or `any` are kept in one list, checked before its other parts.
 */
class Check {
  constructor(
    readonly kind: number,
    readonly words: readonly number[],
    readonly parts: readonly Check[],
    readonly run?: Run,
  ) {}
}

const PASS = new Check(KIND_ALL, [], []);
const checks = new WeakMap<Exclude<Requirement, true>, Check>();

function checkOf(req: Requirement): Check {
  if (req === true) return PASS;
  let check = checks.get(req);
  if (!check) {
    check = buildCheck(req);
    checks.set(req, check);
  }
  return check;
}

function buildCheck(req: Requirement): Check {
  if (req === true) return PASS;
  if ('word' in req) return new Check(KIND_ALL, [wordOf(req)], []);
  if ('tokens' in req) {
    const run = runOf(req.tokens);
    const names = req.tokens.filter((token) => NAME.test(token));
    const ids = names.map((name) => vocabulary.add(name, false, name === run.anchorName));
    return new Check(KIND_RUN, ids, [], run);
  }
  const [kind, items] = 'all' in req ? [KIND_ALL, req.all] : [KIND_ANY, req.any];
  const words: number[] = [];
  const parts: Check[] = [];
  for (const item of items) {
    if (item !== true && 'word' in item) words.push(wordOf(item));
    else parts.push(buildCheck(item));
  }
  return new Check(kind, words, parts);
}

function wordOf(req: { word: string; partial?: boolean }): number {
  return vocabulary.add(req.word, req.partial ?? false);
}

/**
 * A file's text, searched once for every word the requirements ask for (see Vocabulary) and
 * then answering their checks; words added later are looked up on their own.
 */
export class TextIndex {
  /** The search the text went through, and what it found. */
  private searched: { finder: WordFinder; hits: WordHits } | undefined;
  /** `searched.hits.found`, once searched. */
  private found: Uint8Array | undefined;
  private identifiers: Set<string> | undefined;
  private partial: Map<string, boolean> | undefined;
  private runs: Map<Run, boolean> | undefined;

  constructor(readonly text: string) {}

  /** Whether the text contains `word`: as a whole identifier when it is one, else anywhere. */
  has(word: string, partial = false): boolean {
    const id = vocabulary.idOf(word, partial);
    return id === undefined ? this.search(word, partial) : this.hasWord(id);
  }

  /** Whether the tokens appear one after another, with only spaces or comments between. */
  hasRun(tokens: readonly string[]): boolean {
    if (!tokens.every((token) => !NAME.test(token) || this.has(token))) return false;
    return this.hasRunOf(runOf(tokens));
  }

  /** Whether the text holds vocabulary word `id`. */
  hasWord(id: number): boolean {
    const found = this.found ?? this.searchAll().hits.found;
    if (id < found.length) return found[id] === 1;
    const word = vocabulary.words[id];
    return this.search(word.text, !word.whole);
  }

  /** Whether the text matches the run's regex (its names are checked by the caller). */
  hasRunOf(run: Run): boolean {
    this.runs ??= new Map();
    let found = this.runs.get(run);
    if (found === undefined) {
      const { finder, hits } = this.searchAll();
      const name = run.anchorName;
      const id = name === undefined ? undefined : vocabulary.idOf(name, false);
      const tracked = id !== undefined && id < finder.words.length && finder.words[id].track;
      found = tracked ? run.test(this.text, hits.starts[id] ?? []) : run.test(this.text);
      this.runs.set(run, found);
    }
    return found;
  }

  private searchAll(): { finder: WordFinder; hits: WordHits } {
    if (!this.searched) {
      const finder = vocabulary.search();
      this.searched = { finder, hits: finder.find(this.text) };
      this.found = this.searched.hits.found;
    }
    return this.searched;
  }

  /** The word looked up on its own, for words the text was not searched for at once. */
  private search(word: string, partial: boolean): boolean {
    if (partial || !IDENTIFIER.test(word)) {
      this.partial ??= new Map();
      let found = this.partial.get(word);
      if (found === undefined) {
        found = this.text.includes(word);
        this.partial.set(word, found);
      }
      return found;
    }
    this.identifiers ??= new Set(this.text.match(/[A-Za-z_$][\w$]*/g));
    return this.identifiers.has(word);
  }
}

/** Whether the indexed text can satisfy the requirement. */
export function satisfies(req: Requirement, index: TextIndex): boolean {
  return passes(checkOf(req), index);
}

function passes(check: Check, index: TextIndex): boolean {
  const { words, parts } = check;
  if (check.kind === KIND_ANY) {
    for (const id of words) if (index.hasWord(id)) return true;
    for (const part of parts) if (passes(part, index)) return true;
    return false;
  }
  for (const id of words) if (!index.hasWord(id)) return false;
  if (check.kind === KIND_RUN) return index.hasRunOf(check.run as Run);
  for (const part of parts) if (!passes(part, index)) return false;
  return true;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
