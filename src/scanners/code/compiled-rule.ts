import type { ParserName, RuleLanguage } from './languages.js';
import { namespaceRecord, namespaceRule, renamePattern } from './namespace.js';
import { allOf, anyOf, requirementOf, type Requirement } from './prefilter.js';
import type { AstRule, CodeRuleFile } from './rule-schema.js';

/** One part of a rule that ast-grep looks for: the whole rule, or one taint sink. */
export interface MatchEntry {
  rule: AstRule;
  /** For taint sinks: the (namespaced) metavariable whose value must be clean. */
  focus?: string;
  /** Words inside the matched node that every match of this part contains. */
  requirement: Requirement;
}

const configs = new WeakMap<AstRule, ReturnType<typeof buildEntryConfig>>();

/** A rule ready to run: its metadata plus namespaced ast-grep parts and its text prefilter. */
export interface CompiledRule {
  meta: CodeRuleFile;
  language: RuleLanguage;
  /** `code/<language>/<id>`. */
  ruleId: string;
  /** The rule file, for error messages and the catalogue. */
  file: string;
  builtin: boolean;
  /** Prefix given to every metavariable and utility name of this rule. */
  prefix: string;
  entries: MatchEntry[];
  constraints: Record<string, AstRule>;
  utils: Record<string, AstRule>;
  requirement: Requirement;
  /** The parsers the rule compiles for (filled in when the rule is loaded). */
  parsers: ParserName[];
  taint?: { sources: AstRule[]; sanitizers: AstRule[]; propagators: string[] };
}

/** Where a rule comes from, before compiling. */
export interface RuleSource {
  meta: CodeRuleFile;
  language: RuleLanguage;
  file: string;
  builtin: boolean;
  /** Utility rules shared by every rule of the language folder. */
  sharedUtils: Record<string, AstRule>;
}

/** Compile a validated rule: merge shared utils, namespace it with `prefix`, derive its filter. */
export function compileRule(source: RuleSource, prefix: string): CompiledRule {
  const { meta } = source;
  const utils = { ...source.sharedUtils, ...meta.utils };
  const runs = source.language !== 'php';
  const fileWide = { utils, runs };
  const local = { utils, runs, local: true };
  const base = {
    meta,
    language: source.language,
    ruleId: `code/${source.language}/${meta.id}`,
    file: source.file,
    builtin: source.builtin,
    prefix,
    parsers: [],
    constraints: namespaceRecord(meta.constraints, prefix),
    utils: namespaceRecord(utils, prefix),
  };
  if (meta.taint) {
    const { sources, sanitizers, sinks, propagators } = meta.taint;
    const sinkReq = anyOf(sinks.map((sink) => requirementOf(sink.rule, fileWide)));
    const sourceReq = anyOf(sources.map((rule) => requirementOf(rule, fileWide)));
    return {
      ...base,
      entries: sinks.map((sink) => ({
        rule: namespaceRule(sink.rule, prefix),
        focus: renamePattern(`$${sink.focus}`, prefix).slice(1),
        requirement: requirementOf(sink.rule, local),
      })),
      requirement: allOf([sinkReq, sourceReq, declared(meta.prefilter)]),
      taint: {
        sources: sources.map((rule) => namespaceRule(rule, prefix)),
        sanitizers: sanitizers.map((rule) => namespaceRule(rule, prefix)),
        propagators,
      },
    };
  }
  const rule = meta.rule as AstRule;
  return {
    ...base,
    entries: [
      {
        rule: namespaceRule(rule, prefix),
        requirement: requirementOf(rule, local),
      },
    ],
    requirement: allOf([requirementOf(rule, fileWide), declared(meta.prefilter)]),
  };
}

/** The requirement written in a rule's `prefilter` list: any one of its strings, anywhere. */
function declared(strings: readonly string[] | undefined): Requirement {
  return strings === undefined ? true : anyOf(strings.map((word) => ({ word, partial: true })));
}

/** The ast-grep config for one entry of a rule (its constraints and utils included). */
export function entryConfig(
  rule: CompiledRule,
  entry: AstRule,
): { rule: AstRule; constraints: Record<string, AstRule>; utils: Record<string, AstRule> } {
  let config = configs.get(entry);
  if (!config) {
    config = buildEntryConfig(rule, entry);
    configs.set(entry, config);
  }
  return config;
}

function buildEntryConfig(
  rule: CompiledRule,
  entry: AstRule,
): { rule: AstRule; constraints: Record<string, AstRule>; utils: Record<string, AstRule> } {
  const constraints = constraintsFor(rule, entry);
  return {
    rule: entry,
    constraints,
    utils: utilsFor(rule.utils, [entry, ...Object.values(constraints)]),
  };
}

/**
 * The utility rules that `parts` use, directly or through other utilities. Passing only these
 * to ast-grep matters: it compiles every utility it is given on each call.
 */
export function utilsFor(
  utils: Record<string, AstRule>,
  parts: readonly AstRule[],
): Record<string, AstRule> {
  const out: Record<string, AstRule> = {};
  const queue = parts.map((part) => JSON.stringify(part));
  while (queue.length > 0) {
    const text = queue.pop() as string;
    for (const found of text.matchAll(/"matches":"([^"]+)"/g)) {
      const name = found[1];
      if (out[name] !== undefined || utils[name] === undefined) continue;
      out[name] = utils[name];
      queue.push(JSON.stringify(utils[name]));
    }
  }
  return out;
}

/**
 * The constraints that apply to one part of a rule: those on metavariables it (or a utility)
 * binds. ast-grep refuses a constraint on a metavariable that the rule never binds.
 */
export function constraintsFor(rule: CompiledRule, entry: AstRule): Record<string, AstRule> {
  const text = JSON.stringify(entry) + JSON.stringify(rule.utils);
  const out: Record<string, AstRule> = {};
  for (const [name, constraint] of Object.entries(rule.constraints)) {
    if (new RegExp(`\\$(\\$\\$)?${name}\\b`).test(text)) out[name] = constraint;
  }
  return out;
}
