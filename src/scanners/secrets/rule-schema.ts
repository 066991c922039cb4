import { z } from 'zod';

import { SEVERITIES } from '../../core/severity.js';
import { VALIDATOR_NAMES } from './validators/index.js';

/** Rule ids: lowercase words joined by hyphens, reported as `secrets/<id>`. */
const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters and digits joined by hyphens');

/** A JavaScript regular expression source that compiles. */
const pattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'dg');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${String(error)}` });
    }
  });

/** A sample that the rule must not report, and why. */
export const negativeExampleSchema = z
  .object({ text: z.string().min(1), reason: z.string().min(1) })
  .strict();

/** One secrets rule, as written in a rule file. */
export const secretRuleSchema = z
  .object({
    id: ruleId,
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    /** Literals; the rule runs only on text containing one of them (case-insensitive). */
    keywords: z
      .array(z.string().regex(/^[\x20-\x7e]+$/, 'printable ASCII'))
      .min(1, 'at least one keyword'),
    pattern,
    flags: z.literal('i').optional(),
    /** Minimum Shannon entropy (bits per character) of the secret. */
    entropy: z.number().min(0).max(8).optional(),
    validator: z.enum(VALIDATOR_NAMES).optional(),
    /** How far past the end of a keyword a match can end, when less than the default 8 KiB. */
    reach: z.number().int().min(1).max(8192).optional(),
    tags: z.array(z.string().min(1)).default([]),
    cwe: z.array(z.string().regex(/^CWE-\d+$/, 'CWE-<number>')).default(['CWE-798']),
    references: z.array(z.url()).min(1, 'at least one reference'),
    fix: z.string().min(1),
    examples: z
      .object({
        positive: z.array(z.string().min(1)).min(1, 'at least one positive example'),
        negative: z.array(negativeExampleSchema).min(1, 'at least one negative example'),
      })
      .strict(),
  })
  .strict();

/** One rule file: a provider and its rules. */
export const secretRuleFileSchema = z
  .object({
    provider: z.string().min(1),
    rules: z.array(secretRuleSchema).min(1),
  })
  .strict();

/** A rule as written in a rule file, with defaults filled in. */
export type SecretRuleSpec = z.infer<typeof secretRuleSchema>;

/** A parsed rule file. */
export type SecretRuleFile = z.infer<typeof secretRuleFileSchema>;

/** A rule with the provider it belongs to and the file and line it came from. */
export interface SecretRule extends SecretRuleSpec {
  provider: string;
  source: { file: string; line: number };
}

/**
 * What detection needs of a rule: everything but its examples, and whether every match starts
 * with a keyword (see anchor.ts), worked out once when the rule cache is written.
 */
export type RuntimeRule = Omit<SecretRule, 'examples'> & { anchored?: boolean };

/** Drop a rule's examples before it is sent to a worker thread. */
export function runtimeRule(rule: SecretRule): RuntimeRule {
  const rest: Partial<SecretRule> = { ...rule };
  delete rest.examples;
  return rest as RuntimeRule;
}
