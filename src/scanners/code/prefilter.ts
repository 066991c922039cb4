import type { AstRule } from './rule-schema.js';

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
const TOKEN = /\$\$?\$?[A-Z_][A-Z0-9_]*|\$\$\$|[A-Za-z_][\w]*|::|\S/g;
const NAME = /^[A-Za-z_]\w*$/;

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
    if (!joins || token.startsWith('$')) {
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
    return token;
  });
  const first = NAME.test(tokens[0]) ? '(?<![\\w$])' : '';
  const last = NAME.test(tokens[tokens.length - 1]) ? '(?![\\w$])' : '';
  return new RegExp(`${first}${parts.join(GAP)}${last}`);
}

const runRegexes = new Map<string, RegExp>();

/** A file's text with its identifiers collected once, for many requirement checks. */
export class TextIndex {
  private identifiers: Set<string> | undefined;
  private readonly partial = new Map<string, boolean>();
  private readonly runs = new Map<string, boolean>();

  constructor(readonly text: string) {}

  /** Whether the text contains `word`: as a whole identifier when it is one, else anywhere. */
  has(word: string, partial = false): boolean {
    if (partial || !IDENTIFIER.test(word)) {
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

  /** Whether the tokens appear one after another, with only spaces or comments between. */
  hasRun(tokens: readonly string[]): boolean {
    if (!tokens.every((token) => !NAME.test(token) || this.has(token))) return false;
    const key = tokens.join(' ');
    let found = this.runs.get(key);
    if (found === undefined) {
      let regex = runRegexes.get(key);
      if (!regex) {
        regex = runRegex(tokens);
        runRegexes.set(key, regex);
      }
      found = regex.test(this.text);
      this.runs.set(key, found);
    }
    return found;
  }
}

/** Whether the indexed text can satisfy the requirement. */
export function satisfies(req: Requirement, index: TextIndex): boolean {
  if (req === true) return true;
  if ('word' in req) return index.has(req.word, req.partial);
  if ('tokens' in req) return index.hasRun(req.tokens);
  if ('all' in req) return req.all.every((part) => satisfies(part, index));
  return req.any.some((part) => satisfies(part, index));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
