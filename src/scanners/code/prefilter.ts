import type { AstRule } from './rule-schema.js';

/**
 * A cheap condition on a file's text that must hold for a rule to have any chance of
 * matching: words that every match contains. Files failing it are never parsed for the rule.
 * A code rule runs on a file only when the file contains the words of the rule's patterns, so
 * code that reaches a sink through computed names (`el['inner' + 'HTML']`) is not matched.
 */
export type Requirement =
  true | { word: string; partial?: boolean } | { all: Requirement[] } | { any: Requirement[] };

const WORD = /(?<![$\w])[A-Za-z_][A-Za-z0-9_]*/g;

/** The words of an ast-grep pattern that every match must contain (metavariables excluded). */
export function patternWords(pattern: string): string[] {
  return [...new Set(pattern.match(WORD) ?? [])].filter((word) => word.length >= 3);
}

/**
 * The requirement a rule object puts on a file's text; `utils` resolves `matches` references.
 * With `local`, only words inside the matched node count (`inside`, `precedes` and `follows`
 * look outside it).
 */
export function requirementOf(
  rule: AstRule,
  utils: Record<string, AstRule> = {},
  seen: Set<string> = new Set(),
  local = false,
): Requirement {
  const parts: Requirement[] = [];
  // A pattern with a context names words outside the selected node, so it gives none locally.
  if (rule.pattern !== undefined && !(local && typeof rule.pattern !== 'string')) {
    const text = typeof rule.pattern === 'string' ? rule.pattern : rule.pattern.context;
    for (const word of patternWords(text)) parts.push({ word });
  }
  if (rule.regex !== undefined) parts.push(regexRequirement(rule.regex));
  const relations = local ? [rule.has] : [rule.inside, rule.has, rule.precedes, rule.follows];
  for (const relation of relations) {
    if (relation) parts.push(requirementOf(relation, utils, seen, local));
  }
  for (const sub of rule.all ?? []) parts.push(requirementOf(sub, utils, seen, local));
  if (rule.any) {
    parts.push(anyOf(rule.any.map((sub) => requirementOf(sub, utils, seen, local))));
  }
  if (rule.matches !== undefined && !seen.has(rule.matches) && utils[rule.matches]) {
    const next = new Set([...seen, rule.matches]);
    parts.push(requirementOf(utils[rule.matches], utils, next, local));
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

/** A file's text with its identifiers collected once, for many requirement checks. */
export class TextIndex {
  private identifiers: Set<string> | undefined;
  private readonly partial = new Map<string, boolean>();

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
}

/** Whether the indexed text can satisfy the requirement. */
export function satisfies(req: Requirement, index: TextIndex): boolean {
  if (req === true) return true;
  if ('word' in req) return index.has(req.word, req.partial);
  if ('all' in req) return req.all.every((part) => satisfies(part, index));
  return req.any.some((part) => satisfies(part, index));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
