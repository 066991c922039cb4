import { configError } from '../../core/errors.js';
import { startsWithKeyword } from './anchor.js';
import { KeywordMatcher } from './keyword-matcher.js';
import type { RuntimeRule } from './rule-schema.js';
import { VALIDATORS, type Validator } from './validators/index.js';

/** The tag that marks a rule as generic: a provider-specific match on the same text wins. */
export const GENERIC_TAG = 'generic';

/** The tag of a rule that knows a format (PEM keys, JWTs, URIs) but not whose secret it is. */
export const FORMAT_TAG = 'format';

/** The tag of a rule that needs the provider's name near a value of a common shape. */
export const CONTEXT_TAG = 'context';

/** A rule ready to run: its regular expression compiled and its validator resolved. */
export interface CompiledRule {
  rule: RuntimeRule;
  /** Global, with indices (`dg`), plus `i` when the rule asks for it. */
  regex: RegExp;
  /**
   * Set when every match starts with one of the rule's keywords: the same pattern, sticky
   * (`dy`), tried only where a keyword starts, on the whole text (the rule's `reach` bounds
   * only searched windows).
   */
  sticky?: RegExp;
  /** Whether the secret is the `secret` group; otherwise group 1 when there is one, or all. */
  namedSecret: boolean;
  validator?: Validator;
  generic: boolean;
  /**
   * How specific the rule is, used when two rules report overlapping secrets: 3 for a rule
   * that knows the provider from the secret itself, 2 for a `context` rule, 1 for a `format`
   * rule, 0 for a `generic` one.
   */
  specificity: number;
}

/** Values that are never reported, from `scanners.secrets.allowlist` in bulwark.yaml. */
export interface SecretAllowlist {
  regexes: readonly RegExp[];
  /** Lowercased words; a secret containing one is dropped. */
  stopwords: readonly string[];
}

/** Compiled rules plus the keyword index that decides which of them run on a text. */
export interface RuleSet {
  rules: readonly CompiledRule[];
  keywords: KeywordMatcher;
  /** For each keyword index, the indexes of the rules that keyword enables. */
  rulesByKeyword: ReadonlyArray<readonly number[]>;
  allowlist: SecretAllowlist;
}

/** Which rules to run and what to allow; every field is optional. */
export interface RuleSetOptions {
  /** Rule ids to leave out, with or without `secrets/`. */
  disabledRules?: readonly string[];
  /** When set, only rules with one of these tags run. */
  tags?: readonly string[];
  allowlist?: { regexes?: readonly string[]; stopwords?: readonly string[] };
}

/** Compile rules for detection, leaving out disabled rules and those without a wanted tag. */
export function compileRuleSet(
  rules: readonly RuntimeRule[],
  options: RuleSetOptions = {},
): RuleSet {
  // Ids may be written short (`github-pat`) or in full (`secrets/github-pat`).
  const disabled = new Set((options.disabledRules ?? []).map((id) => id.replace(/^secrets\//, '')));
  const tags = options.tags;
  const chosen = rules.filter(
    (rule) =>
      !disabled.has(rule.id) &&
      (tags === undefined || tags.length === 0 || rule.tags.some((tag) => tags.includes(tag))),
  );
  const compiled = chosen.map(compileRule);

  const keywordIndex = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  compiled.forEach((entry, ruleIndex) => {
    for (const keyword of entry.rule.keywords) {
      const key = keyword.toLowerCase();
      let k = keywordIndex.get(key);
      if (k === undefined) {
        k = rulesByKeyword.length;
        keywordIndex.set(key, k);
        rulesByKeyword.push([]);
      }
      if (!rulesByKeyword[k].includes(ruleIndex)) rulesByKeyword[k].push(ruleIndex);
    }
  });

  return {
    rules: compiled,
    keywords: new KeywordMatcher([...keywordIndex.keys()]),
    rulesByKeyword,
    allowlist: compileAllowlist(options.allowlist),
  };
}

/** Compile one rule; its pattern was already checked by the schema. */
export function compileRule(rule: RuntimeRule): CompiledRule {
  const regex = new RegExp(rule.pattern, `dg${rule.flags ?? ''}`);
  const anchored = rule.anchored ?? startsWithKeyword(rule.pattern, rule.keywords);
  return {
    rule,
    regex,
    sticky: anchored ? new RegExp(rule.pattern, `dy${rule.flags ?? ''}`) : undefined,
    namedSecret: /\(\?<secret>/.test(rule.pattern),
    validator: rule.validator === undefined ? undefined : VALIDATORS[rule.validator],
    generic: rule.tags.includes(GENERIC_TAG),
    specificity: specificityOf(rule.tags),
  };
}

/** A rule's specificity from its tags (see `CompiledRule.specificity`). */
function specificityOf(tags: readonly string[]): number {
  if (tags.includes(GENERIC_TAG)) return 0;
  if (tags.includes(FORMAT_TAG)) return 1;
  return tags.includes(CONTEXT_TAG) ? 2 : 3;
}

/** Compile `allowlist` settings; a bad regular expression is a configuration error. */
export function compileAllowlist(allowlist: RuleSetOptions['allowlist']): SecretAllowlist {
  const regexes = (allowlist?.regexes ?? []).map((source, index) => {
    try {
      return new RegExp(source);
    } catch (error) {
      throw configError(
        `scanners.secrets.allowlist.regexes[${index}] is not a valid regular expression: ${String(error)}`,
        { file: 'bulwark.yaml' },
        'write a JavaScript regular expression, escaping backslashes in YAML',
      );
    }
  });
  const stopwords = (allowlist?.stopwords ?? []).map((word) => word.toLowerCase());
  return { regexes, stopwords };
}
