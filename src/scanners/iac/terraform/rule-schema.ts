import { z } from 'zod';

import { SEVERITIES } from '../../../core/severity.js';

/** A literal in a condition: what an attribute is compared with. */
export type Literal = string | number | boolean | null;

/** A test on the value at an attribute path; exactly one operator besides `path`/`default`. */
export interface AttributeTest {
  /** Dotted path through nested blocks, attributes and map keys: `versioning.enabled`. */
  path: string;
  /** The value the provider uses when the attribute is left out. */
  default?: Literal;
  exists?: boolean;
  equals?: Literal;
  notEquals?: Literal;
  in?: Literal[];
  notIn?: Literal[];
  /** A list holds this element, or a string holds this text. */
  contains?: Literal;
  notContains?: Literal;
  gte?: number;
  lte?: number;
  /** The string, or any element of the list, matches this regular expression. */
  matches?: string;
  /** A map has no key matching this regular expression whose value is a literal string. */
  noLiteralKeys?: string;
  /** An IAM policy JSON document grants no wildcard action on every resource. */
  noWildcardAdmin?: boolean;
  /** The text is a duration in seconds (`7776000s`) of at most this many days. */
  maxDays?: number;
}

/** Whether any of `include` falls in the ports a rule opens. */
export interface PortsTest {
  ports: {
    /** Numeric range attributes, as security groups write them. */
    from?: string;
    to?: string;
    /** Attributes holding port texts or lists of them: `"22"`, `"1000-2000"`, `"*"`. */
    ranges?: string[];
    /**
     * Protocol attributes: listed values mean every port (`"-1"`, `"all"`); `tcp`/`6` and
     * `udp`/`17` limit the ports to that protocol, and any other protocol opens no port.
     */
    all?: { paths: string[]; in: Literal[] };
    /** A rule with none of the range attributes opens every port (GCP firewall `allow`). */
    emptyMeansAll?: boolean;
    /** Ports that count: `22` on any protocol, `"22/tcp"` on that protocol only. */
    include: (number | string)[];
    /**
     * Holds only when the rule opens every port (0 or 1 to 65535) on TCP or UDP; `include`
     * then names the ports the finding lists.
     */
    every?: boolean;
  };
}

/** A declarative condition over a resource; see docs/iac-terraform.md for the language. */
export type Condition =
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { not: Condition }
  | { each: { block: string; check: Condition } }
  | { some: { block: string; check: Condition } }
  | { companion: Companion }
  | PortsTest
  | AttributeTest;

/** A separate resource that must refer to this one, optionally satisfying a condition. */
export interface Companion {
  resource: string;
  /**
   * The companion's attribute that refers to this resource: `bucket`, `vpc_id`. Left out, any
   * resource of that type in the folder counts (account-wide settings such as
   * aws_s3_account_public_access_block).
   */
  reference?: string;
  /** Also accept a companion whose reference equals this resource's attribute (a literal name). */
  byValue?: string;
  where?: Condition;
}

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const OPERATORS = [
  'exists',
  'equals',
  'notEquals',
  'in',
  'notIn',
  'contains',
  'notContains',
  'gte',
  'lte',
  'matches',
  'noLiteralKeys',
  'noWildcardAdmin',
  'maxDays',
] as const;

const attributeTest = z
  .object({
    path: z.string().min(1),
    default: literal.optional(),
    exists: z.boolean().optional(),
    equals: literal.optional(),
    notEquals: literal.optional(),
    in: z.array(literal).optional(),
    notIn: z.array(literal).optional(),
    contains: literal.optional(),
    notContains: literal.optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
    matches: z.string().optional(),
    noLiteralKeys: z.string().optional(),
    noWildcardAdmin: z.literal(true).optional(),
    maxDays: z.number().positive().optional(),
  })
  .strict()
  .refine((test) => OPERATORS.filter((op) => test[op] !== undefined).length === 1, {
    message: `an attribute test needs exactly one of: ${OPERATORS.join(', ')}`,
  });

const portsTest = z
  .object({
    ports: z
      .object({
        from: z.string().optional(),
        to: z.string().optional(),
        ranges: z.array(z.string()).optional(),
        all: z
          .object({ paths: z.array(z.string()), in: z.array(literal) })
          .strict()
          .optional(),
        emptyMeansAll: z.boolean().optional(),
        every: z.boolean().optional(),
        include: z
          .array(
            z.union([
              z.number().int().min(0).max(65535),
              z.string().regex(/^\d{1,5}\/(tcp|udp)$/, 'a port such as "22/tcp"'),
            ]),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();

const lazyCondition: z.ZodType<Condition> = z.lazy(() => conditionSchema);

/** The schema of each form of condition, by the key that tells the form apart. */
const FORMS: Record<string, z.ZodType> = {
  allOf: z.object({ allOf: z.array(lazyCondition).min(1) }).strict(),
  anyOf: z.object({ anyOf: z.array(lazyCondition).min(1) }).strict(),
  not: z.object({ not: lazyCondition }).strict(),
  each: z.object({ each: z.object({ block: z.string(), check: lazyCondition }).strict() }).strict(),
  some: z.object({ some: z.object({ block: z.string(), check: lazyCondition }).strict() }).strict(),
  companion: z
    .object({
      companion: z
        .object({
          resource: z.string(),
          reference: z.string().optional(),
          byValue: z.string().optional(),
          where: lazyCondition.optional(),
        })
        .strict(),
    })
    .strict(),
  ports: portsTest,
  path: attributeTest,
};

/**
 * The zod schema of a condition, recursive through allOf/anyOf/not/each/some/companion. The
 * form is picked by its key rather than by trying each one in turn, which keeps loading the
 * pack fast and the error about the form that was meant.
 */
export const conditionSchema: z.ZodType<Condition> = z.unknown().transform((value, ctx) => {
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  const form = keys.find((key) => key in FORMS);
  if (!form) {
    ctx.addIssue({
      code: 'custom',
      message: `a condition needs one of: ${Object.keys(FORMS).join(', ')}`,
    });
    return z.NEVER;
  }
  const result = FORMS[form].safeParse(value);
  if (result.success) return result.data as Condition;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
  return z.NEVER;
});

/** One Terraform check as its YAML file states it. */
export const ruleSchema = z
  .object({
    id: z.string().regex(/^(aws|gcp|azure)-[a-z0-9-]+$/),
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    /** Resource kinds the check applies to; data sources are written `data.<type>`. */
    resources: z.array(z.string()).min(1),
    /** The check applies only to resources where this holds (for example a key's type). */
    when: conditionSchema.optional(),
    /** What must hold; a resource where it is false gets a finding. */
    check: conditionSchema,
    /**
     * One line; `{address}` is replaced by the resource address, `{detail}` by the offending
     * value the check found (the wildcard action of an IAM statement, the ports a rule opens).
     */
    message: z.string().min(1),
    /** The text `{detail}` becomes for each value found; a value not listed is shown as is. */
    details: z.record(z.string(), z.string()).optional(),
    /** Why it matters. */
    help: z.string().min(1),
    /** How to fix it, with the corrected snippet; `{name}` is replaced by the resource name. */
    fix: z.string().min(1),
    references: z.array(z.url()).min(1),
    cwe: z.array(z.string().regex(/^CWE-\d+$/)).min(1),
    tags: z.array(z.string()).default(['fast']),
  })
  .strict();

/** A parsed Terraform check. */
export type Rule = z.infer<typeof ruleSchema>;
