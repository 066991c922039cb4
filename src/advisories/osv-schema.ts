import { z } from 'zod';

const event = z.object({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

const range = z.object({
  type: z.string(),
  events: z.array(event).nullish(),
});

const affected = z.object({
  package: z.object({ ecosystem: z.string(), name: z.string() }).nullish(),
  ranges: z.array(range).nullish(),
  versions: z.array(z.string()).nullish(),
});

/** The part of the OSV schema (osv-schema 1.x) Bulwark reads; other fields are ignored. */
export const osvRecordSchema = z.object({
  id: z.string().min(1),
  modified: z.string().optional(),
  withdrawn: z.string().nullish(),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
  affected: z.array(affected).nullish(),
  references: z.array(z.object({ url: z.string() })).nullish(),
  database_specific: z
    .object({
      severity: z.string().nullish(),
      cwe_ids: z.array(z.string()).nullish(),
    })
    .nullish(),
});

/** An OSV record as read from a file. */
export type OsvRecord = z.infer<typeof osvRecordSchema>;

/** A range as read from a file. */
export type OsvRange = z.infer<typeof range>;
