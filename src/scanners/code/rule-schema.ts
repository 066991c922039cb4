import { z } from 'zod';

import { SEVERITIES } from '../../core/severity.js';

/** The problem of an ast-grep rule object with no key at all. */
export const NO_KEY = 'a rule needs at least one key';

/** An ast-grep rule object: https://ast-grep.github.io/reference/rule.html. */
export interface AstRule {
  pattern?: string | { context: string; selector?: string; strictness?: string };
  kind?: string;
  regex?: string;
  nthChild?: unknown;
  range?: unknown;
  inside?: AstRelation;
  has?: AstRelation;
  precedes?: AstRelation;
  follows?: AstRelation;
  all?: AstRule[];
  any?: AstRule[];
  not?: AstRule;
  matches?: string;
}

/** A relational sub-rule (`inside`, `has`, ...), with where to stop and which field to look in. */
export interface AstRelation extends AstRule {
  stopBy?: 'neighbor' | 'end' | AstRule;
  field?: string;
}

const patternSchema = z.union([
  z.string().min(1),
  z
    .object({
      context: z.string().min(1),
      selector: z.string().optional(),
      strictness: z.enum(['cst', 'smart', 'ast', 'relaxed', 'signature']).optional(),
    })
    .strict(),
]);

const ruleShape = {
  pattern: patternSchema.optional(),
  kind: z.string().optional(),
  regex: z.string().optional(),
  nthChild: z.unknown().optional(),
  range: z.unknown().optional(),
  matches: z.string().optional(),
};

/** Zod schema of an ast-grep rule object, recursive through all/any/not/inside/has. */
export const astRuleSchema: z.ZodType<AstRule> = z.lazy(() =>
  z
    .object({
      ...ruleShape,
      inside: relationSchema.optional(),
      has: relationSchema.optional(),
      precedes: relationSchema.optional(),
      follows: relationSchema.optional(),
      all: z.array(astRuleSchema).optional(),
      any: z.array(astRuleSchema).optional(),
      not: astRuleSchema.optional(),
    })
    .strict()
    .refine((rule) => Object.keys(rule).length > 0, NO_KEY),
);

const relationSchema: z.ZodType<AstRelation> = z.lazy(() =>
  z
    .object({
      ...ruleShape,
      inside: relationSchema.optional(),
      has: relationSchema.optional(),
      precedes: relationSchema.optional(),
      follows: relationSchema.optional(),
      all: z.array(astRuleSchema).optional(),
      any: z.array(astRuleSchema).optional(),
      not: astRuleSchema.optional(),
      stopBy: z.union([z.enum(['neighbor', 'end']), astRuleSchema]).optional(),
      field: z.string().optional(),
    })
    .strict(),
);

/** A taint sink: an ast-grep rule plus the metavariable holding the value that must be clean. */
export const sinkSchema = z
  .object({
    focus: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a metavariable name such as CMD'),
    rule: astRuleSchema,
  })
  .strict();

/** Taint mode: values from `sources` reaching the focused part of a `sinks` match. */
export const taintSchema = z
  .object({
    sources: z.array(astRuleSchema).min(1),
    sanitizers: z.array(astRuleSchema).default([]),
    sinks: z.array(sinkSchema).min(1),
    /** Extra calls (by name) that return a value built from their arguments. */
    propagators: z.array(z.string()).default([]),
  })
  .strict();

/** A rewrite applied when the fix is certain: `template` replaces the match or `target`. */
export const autofixSchema = z
  .object({
    template: z.string(),
    target: z.string().optional(),
  })
  .strict();

/** A `prefilterRegex` entry as a RegExp: JavaScript syntax, `(?i)` at the start ignores case. */
export function gateRegex(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

function compilesInJavaScript(source: string): boolean {
  try {
    gateRegex(source);
    return true;
  } catch {
    return false;
  }
}

/** One rule file under rules/code/<language>/ or .bulwark/rules/<language>/. */
export const codeRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, such as eval-injection'),
    title: z.string().min(1),
    message: z.string().min(1),
    severity: z.enum(SEVERITIES),
    confidence: z.enum(['high', 'medium', 'low']),
    cwe: z.array(z.string().regex(/^CWE-\d+$/, 'CWE-<number>')).min(1),
    owasp: z.string().min(1),
    references: z.array(z.url()).default([]),
    help: z.string().min(1),
    fix: z.string().min(1),
    autofix: autofixSchema.optional(),
    tags: z.array(z.string()).default([]),
    /**
     * Text of which at least one piece must occur in a file for the rule to run there; added to
     * the words derived from the patterns, for rules built from kinds and regexes.
     */
    prefilter: z.array(z.string().min(2)).optional(),
    /**
     * JavaScript regular expressions (`(?i)` at the start ignores case) that must each match
     * somewhere in a file's text for the rule to run there: a closer check than words, for
     * rules whose words are in most files.
     */
    prefilterRegex: z
      .array(
        z.string().refine(compilesInJavaScript, {
          message: 'not a valid JavaScript regular expression',
        }),
      )
      .min(1)
      .optional(),
    rule: astRuleSchema.optional(),
    constraints: z.record(z.string(), astRuleSchema).optional(),
    utils: z.record(z.string(), astRuleSchema).optional(),
    taint: taintSchema.optional(),
  })
  .strict()
  .refine((rule) => rule.rule !== undefined || rule.taint !== undefined, {
    message: 'missing: add `rule` (a pattern rule) or `taint` (a taint rule)',
  })
  .refine((rule) => rule.rule === undefined || rule.taint === undefined, {
    message: 'a rule has either `rule` (a pattern rule) or `taint` (a taint rule), not both',
  });

/** A validated rule file. */
export type CodeRuleFile = z.infer<typeof codeRuleSchema>;

/** A taint sink. */
export type TaintSink = z.infer<typeof sinkSchema>;

/** Utility rules shared by every rule of one language (`shared.yaml` in the folder). */
export const sharedUtilsSchema = z.object({ utils: z.record(z.string(), astRuleSchema) }).strict();
