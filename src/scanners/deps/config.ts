import { z } from 'zod';

import { SEVERITIES } from '../../core/severity.js';

/** Whether `YYYY-MM-DD` names a real day: 2026-02-30 and 2026-13-45 do not. */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** One ignored advisory: any of its ids, why, and until when (YYYY-MM-DD, inclusive). */
export const depsIgnoreSchema = z
  .object({
    id: z.string().min(1),
    reason: z.string().min(1, 'say why the advisory does not apply'),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-31')
      .refine(isCalendarDate, 'not a calendar date: the month is 01-12 and the day exists')
      .optional(),
  })
  .strict();

/** The `scanners.deps` section of bulwark.yaml. */
export const depsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Also report packages only needed for development. */
    includeDev: z.boolean().default(true),
    /** The advisory database file (default: the user cache, or BULWARK_DB). */
    db: z.string().optional(),
    /** Warn when the database is older than this many days. */
    maxAgeDays: z.number().int().positive().default(7),
    /** Severity of advisories that carry no CVSS vector and no rating (most Go advisories). */
    unknownSeverity: z.enum(SEVERITIES).default('medium'),
    /** Advisories that do not apply to this project. */
    ignore: z.array(depsIgnoreSchema).default([]),
  })
  .strict();

/** Parsed `scanners.deps` settings. */
export type DepsConfig = z.infer<typeof depsConfigSchema>;

/** One parsed ignore entry. */
export type DepsIgnore = z.infer<typeof depsIgnoreSchema>;
