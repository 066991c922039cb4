import type { AstRule } from './rule-schema.js';

/**
 * A cheap condition on a file's text that must hold for a rule to have any chance of
 * matching: words that every match contains. Files failing it are never parsed for the rule.
 */
export type Requirement =
  | true
  | { word: string; partial?: boolean }
  | { all: Requirement[] }
  | { any: Requirement[] };

const WORD = /(?<![$\w])[A-Za-z_][A-Za-z0-9_]*/g;

/** The words of an ast-grep pattern that every match must contain (metavariables excluded). */
export function patternWords(pattern: string): string[] {
  return [...new Set(pattern.match(WORD) ?? [])].filter((word) => word.length >= 3);
}

/** The requirement a rule object puts on a file's text; `utils` resolves `matches` references. */
export function requirementOf(
  rule: AstRule,
  utils: Record<string, AstRule> = {},
  seen: Set<string> = new Set(),
): Requirement {
  const parts: Requirement[] = [];
  if (rule.pattern !== undefined) {
    const text = typeof rule.pattern === 'string' ? rule.pattern : rule.pattern.context;
    for (const word of patternWords(text)) parts.push({ word });
  }
  if (rule.regex !== undefined) parts.push(regexRequirement(rule.regex));
  for (const relation of [rule.inside, rule.has, rule.precedes, rule.follows]) {
    if (relation) parts.push(requirementOf(relation, utils, seen));
  }
  for (const sub of rule.all ?? []) parts.push(requirementOf(sub, utils, seen));
  if (rule.any) parts.push(anyOf(rule.any.map((sub) => requirementOf(sub, utils, seen))));
  if (rule.matches !== undefined && !seen.has(rule.matches) && utils[rule.matches]) {
    parts.push(requirementOf(utils[rule.matches], utils, new Set([...seen, rule.matches])));
  }
  return allOf(parts);
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

/** Disjunction, simplified: any `true` part makes the whole true. */
export function anyOf(parts: Requirement[]): Requirement {
  if (parts.length === 0 || parts.some((part) => part === true)) return true;
  return parts.length === 1 ? parts[0] : { any: parts };
}

/** Whether `text` can satisfy the requirement; `cache` memoises word look-ups per file. */
export function satisfies(req: Requirement, text: string, cache: Map<string, boolean>): boolean {
  if (req === true) return true;
  if ('word' in req) {
    const key = req.partial ? `~${req.word}` : req.word;
    let found = cache.get(key);
    if (found === undefined) {
      found = req.partial ? text.includes(req.word) : containsWord(text, req.word);
      cache.set(key, found);
    }
    return found;
  }
  if ('all' in req) return req.all.every((part) => satisfies(part, text, cache));
  return req.any.some((part) => satisfies(part, text, cache));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 36
  );
}

/**
 * Whether `text` contains `word`: as a whole identifier when the word is one (so `req` is not
 * found inside `require`), as plain text otherwise.
 */
export function containsWord(text: string, word: string): boolean {
  if (!IDENTIFIER.test(word)) return text.includes(word);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? 32 : text.charCodeAt(at - 1);
    const after = at + word.length >= text.length ? 32 : text.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}
