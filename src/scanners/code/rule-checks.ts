import { createRequire } from 'node:module';

import { parse as parseCode, type NapiConfig } from '@ast-grep/napi';

import { utilsFor, type CompiledRule } from './compiled-rule.js';
import { parsersOf, type RuleLanguage } from './languages.js';
import type { AstRule } from './rule-schema.js';

const require = createRequire(import.meta.url);
const ERROR_NODE = { rule: { kind: 'ERROR' } };
const expandos = new Map<RuleLanguage, string>();

/** The character ast-grep puts in place of `$` before parsing a pattern of the language. */
function expandoOf(language: RuleLanguage): string {
  let char = expandos.get(language);
  if (char === undefined) {
    const pkg =
      language === 'js'
        ? undefined
        : (require(`@ast-grep/lang-${language}`) as { expandoChar?: string });
    char = pkg?.expandoChar ?? '$';
    expandos.set(language, char);
  }
  return char;
}

const METAVARIABLE = /\$([A-Z][A-Z0-9_]*)/g;

/** Whether `$NAME` (or `$$$NAME`) of a namespaced rule appears in some JSON text. */
function binds(text: string, prefix: string, name: string): boolean {
  return new RegExp(`\\$(\\$\\$)?${prefix}${name}\\b`).test(text);
}

/** The JSON of one part of a rule with the utility rules it uses, where metavariables are bound. */
function partText(rule: CompiledRule, part: AstRule): string {
  return JSON.stringify(part) + JSON.stringify(utilsFor(rule.utils, [part]));
}

/**
 * Each `$NAME` in the message and the autofix template must be bound by every part of the rule
 * that reports (the rule, or each taint sink); otherwise users would read `$NAME` as it stands.
 */
export function checkMessageVariables(rule: CompiledRule): string | undefined {
  const texts = rule.entries.map((entry) => partText(rule, entry.rule));
  const fields: Array<[string, string | undefined]> = [
    ['message', rule.meta.message],
    ['autofix.template', rule.meta.autofix?.template],
  ];
  for (const [field, value] of fields) {
    for (const found of (value ?? '').matchAll(METAVARIABLE)) {
      const name = found[1] as string;
      if (!texts.every((text) => binds(text, rule.prefix, name))) {
        return `${field} uses $${name}, which the rule does not bind; bind it in the pattern or reword the ${field}`;
      }
    }
  }
  return undefined;
}

/** An autofix `target` must be a metavariable the rule binds, or the fix would silently vanish. */
export function checkAutofixTarget(rule: CompiledRule): string | undefined {
  const target = rule.meta.autofix?.target;
  if (target === undefined) return undefined;
  const name = target.replace(/^\$/, '');
  const texts = rule.entries.map((entry) => partText(rule, entry.rule));
  if (texts.every((text) => binds(text, rule.prefix, name))) return undefined;
  return `autofix.target ${target} is not a metavariable of the rule; name one its pattern binds, such as ${firstMetavariable(rule) ?? 'X'}`;
}

function firstMetavariable(rule: CompiledRule): string | undefined {
  const text = JSON.stringify(rule.meta.rule ?? rule.meta.taint ?? {});
  const found = /\$(?:\$\$)?([A-Z][A-Z0-9_]*)/.exec(text);
  return found?.[1];
}

/** Every pattern string of a rule object, through its sub-rules. */
function patternsOf(rule: unknown, out: string[] = []): string[] {
  if (Array.isArray(rule)) {
    for (const item of rule) patternsOf(item, out);
  } else if (rule !== null && typeof rule === 'object') {
    for (const [key, value] of Object.entries(rule)) {
      if (key === 'pattern' && typeof value === 'string') out.push(value);
      else if (key === 'pattern' && typeof value === 'object' && value !== null) {
        const context = (value as { context?: unknown }).context;
        if (typeof context === 'string') out.push(context);
      } else patternsOf(value, out);
    }
  }
  return out;
}

/**
 * A pattern that the language's parsers all read with a syntax error never matches anything;
 * ast-grep accepts it silently, so it is reported here with the pattern.
 */
export function checkPatterns(rule: CompiledRule): string | undefined {
  const meta = rule.meta;
  const parts = [meta.rule, meta.taint, meta.utils, meta.constraints];
  for (const pattern of new Set(patternsOf(parts))) {
    const text = pattern.replace(/\$/g, expandoOf(rule.language));
    const readable = parsersOf(rule.language).some((parser) =>
      [text, `${text};`].some((code) => !parseCode(parser, code).root().has(ERROR_NODE)),
    );
    if (!readable) {
      return `ast-grep cannot parse the pattern \`${pattern}\` as ${rule.language} code; write it as code that compiles, with $NAME for the parts that vary`;
    }
  }
  return undefined;
}

/** Each `matches:` must name a utility rule of the rule file or of the folder's shared.yaml. */
export function checkUtilityNames(rule: CompiledRule): string | undefined {
  const { meta } = rule;
  const text = JSON.stringify([meta.rule, meta.taint, meta.constraints, meta.utils]);
  for (const found of text.matchAll(/"matches":"([^"]+)"/g)) {
    const name = found[1] as string;
    if (rule.utils[`${rule.prefix}${name}`] === undefined) {
      return `matches: ${name} names no utility rule; define it under utils: in the rule file or in the folder's shared.yaml`;
    }
  }
  return undefined;
}

/** The prefix the loader gives a rule's metavariables and utilities (`R12_`); never shown. */
const RULE_PREFIX = /(?<![A-Za-z0-9_])R\d+_(?=[A-Za-z])/g;

/**
 * ast-grep's multi-line error chain as one line: `Rule contains invalid regex matcher: ...`,
 * with the loader's prefixes taken off the names it quotes.
 */
export function astGrepError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(RULE_PREFIX, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(\|->)?\s*/, '')
        .replace(/^Error: /, '')
        .replace(/[.:]$/, ''),
    )
    .filter((line) => line !== '' && !/^\^+$/.test(line))
    .join(': ');
}

/**
 * Ask ast-grep to compile each constraint on its own with the rule, so that a bad regex or
 * sub-rule is reported with the metavariable it constrains.
 */
export function checkConstraints(rule: CompiledRule): string | undefined {
  const entries = rule.entries.map((entry) => entry.rule);
  for (const [name, constraint] of Object.entries(rule.constraints)) {
    const config = {
      rule: { any: entries },
      constraints: { [name]: constraint },
      utils: rule.utils,
    };
    let problem: string | undefined;
    for (const parser of parsersOf(rule.language)) {
      try {
        parseCode(parser, '')
          .root()
          .findAll(config as NapiConfig);
        problem = undefined;
        break;
      } catch (error) {
        problem = astGrepError(error).replace(/^`constraints` is not configured correctly: /, '');
      }
    }
    const shown = name.slice(rule.prefix.length);
    if (
      problem !== undefined &&
      /^Undefined meta var `[A-Z0-9_]+` used in `constraints`$/.test(problem)
    ) {
      const bound = firstMetavariable(rule);
      const instead = bound === undefined ? '' : `, such as $${bound}`;
      problem = `the rule's patterns bind no $${shown}; constrain a metavariable they bind${instead}`;
    }
    if (problem !== undefined) return `constraints.${shown}: ${problem}`;
  }
  return undefined;
}
