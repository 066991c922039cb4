import { z } from 'zod';

import { SEVERITIES } from '../../core/severity.js';

/**
 * A declarative condition on one field of a parsed object: the field at `path` (dot separated,
 * relative to the object the framework names by `scope`) compared with `value`.
 * - `equals`: the field is present and equal to `value`.
 * - `not-equals`: the field is missing or differs from `value` (a missing field reports on the
 *   object's own line, a wrong one on the field's line).
 * - `contains-any`: the field is a list holding one of `value` (reports on that item's line).
 * - `lacks`: the field is missing or is a list without `value`.
 */
export const conditionSchema = z
  .object({
    scope: z.string().min(1),
    path: z.string().min(1),
    op: z.enum(['equals', 'not-equals', 'contains-any', 'lacks']),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  })
  .strict();

/** One infrastructure check as written in rules/iac/<framework>/<id>.yaml. */
export const checkSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as privileged-container'),
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    /** One line; `{name}` placeholders are filled from the matcher's variables. */
    message: z.string().min(1),
    /** Why it matters. */
    help: z
      .string()
      .min(1)
      .transform((text) => text.trim()),
    /** How to fix it, with the corrected snippet; `{name}` placeholders are filled as well. */
    fix: z
      .string()
      .min(1)
      .transform((text) => text.trimEnd()),
    references: z.array(z.url()).min(1),
    cwe: z.array(z.string().regex(/^CWE-\d+$/)).min(1),
    tags: z.array(z.string()).default([]),
    /** The name of a matcher implemented in the framework's matcher files. */
    match: z.string().optional(),
    /** A declarative condition, used instead of `match` where one field decides. */
    condition: conditionSchema.optional(),
    /** Settings the matcher reads (lists of names, patterns). */
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((check) => (check.match === undefined) !== (check.condition === undefined), {
    message: 'give exactly one of `match` (a named matcher) or `condition`',
  });

/** A validated check. */
export type Check = z.infer<typeof checkSchema>;

/** A validated declarative condition. */
export type Condition = z.infer<typeof conditionSchema>;
