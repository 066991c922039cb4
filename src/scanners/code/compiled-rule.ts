import type { ParserName, RuleLanguage } from './languages.js';
import { namespaceRecord, namespaceRule, renamePattern } from './namespace.js';
import { withOptionalRest } from './optional-rest.js';
import { allOf, anyOf, requirementOf, type Requirement } from './prefilter.js';
import { gateRegex, type AstRule, type CodeRuleFile } from './rule-schema.js';
import { textTestOf, type TextTest } from './text-constraints.js';

/** One part of a rule that ast-grep looks for: the whole rule, or one taint sink. */
export interface MatchEntry {
  rule: AstRule;
  /** For taint sinks: the (namespaced) metavariable whose value must be clean. */
  focus?: string;
  /** Words inside the matched node that every match of this part contains. */
  requirement: Requirement;
}

/** What ast-grep runs for one part of a rule, and the constraints checked here afterwards. */
export interface EntryConfig {
  rule: AstRule;
  constraints: Record<string, AstRule>;
  utils: Record<string, AstRule>;
}

/** A metavariable's constraint that runs on its text in JavaScript (see text-constraints.ts). */
export interface TextCheck {
  name: string;
  test: TextTest;
}

const configs = new WeakMap<AstRule, { config: EntryConfig; checks: TextCheck[] }>();

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
  /** The rule's `prefilterRegex`: each must match somewhere in a file's text. */
  textGates: RegExp[];
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
  const meta = source.meta;
  const utils = mapRecord({ ...source.sharedUtils, ...meta.utils }, withOptionalRest);
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
    textGates: (meta.prefilterRegex ?? []).map(gateRegex),
    constraints: namespaceRecord(
      meta.constraints && mapRecord(meta.constraints, withOptionalRest),
      prefix,
    ),
    utils: namespaceRecord(utils, prefix),
  };
  if (meta.taint) {
    const { propagators } = meta.taint;
    const sources = meta.taint.sources.map(withOptionalRest);
    const sanitizers = meta.taint.sanitizers.map(withOptionalRest);
    const sinks = meta.taint.sinks.map((sink) => ({ ...sink, rule: withOptionalRest(sink.rule) }));
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
  const rule = withOptionalRest(meta.rule as AstRule);
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

function mapRecord<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** The requirement written in a rule's `prefilter` list: any one of its strings, anywhere. */
function declared(strings: readonly string[] | undefined): Requirement {
  return strings === undefined ? true : anyOf(strings.map((word) => ({ word, partial: true })));
}

/**
 * The ast-grep config for one entry of a rule: its constraints that ast-grep must check, and
 * the utils it uses. Constraints on the text alone are left out; `entryChecks` gives them.
 */
export function entryConfig(rule: CompiledRule, entry: AstRule): EntryConfig {
  return entryParts(rule, entry).config;
}

/** The constraints of one entry that are checked on the bound text after ast-grep matched. */
export function entryChecks(rule: CompiledRule, entry: AstRule): TextCheck[] {
  return entryParts(rule, entry).checks;
}

function entryParts(
  rule: CompiledRule,
  entry: AstRule,
): { config: EntryConfig; checks: TextCheck[] } {
  let parts = configs.get(entry);
  if (!parts) {
    parts = buildEntryParts(rule, entry);
    configs.set(entry, parts);
  }
  return parts;
}

function buildEntryParts(
  rule: CompiledRule,
  entry: AstRule,
): { config: EntryConfig; checks: TextCheck[] } {
  const native: Record<string, AstRule> = {};
  const checks: TextCheck[] = [];
  const text = JSON.stringify(entry) + JSON.stringify(rule.utils);
  for (const [name, constraint] of Object.entries(constraintsFor(rule, entry))) {
    // Only a single metavariable's node has one text; `$$$NAME` stays with ast-grep.
    const test = text.includes(`$$$${name}`) ? undefined : textTestOf(constraint);
    if (test) checks.push({ name, test });
    else native[name] = constraint;
  }
  return {
    config: {
      rule: entry,
      constraints: native,
      utils: utilsFor(rule.utils, [entry, ...Object.values(native)]),
    },
    checks,
  };
}

/** Whether a match passes the text constraints of its entry (unbound metavariables pass). */
export function passesChecks(
  checks: readonly TextCheck[],
  bound: (name: string) => string | undefined,
): boolean {
  for (const check of checks) {
    const value = bound(check.name);
    if (value !== undefined && !check.test(value)) return false;
  }
  return true;
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
