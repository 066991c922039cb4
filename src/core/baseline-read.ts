import { readFileSync } from 'node:fs';
import { z } from 'zod';

import type { Baseline } from './baseline.js';
import { configError } from './errors.js';

const baselineSchema: z.ZodType<Baseline> = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  findings: z.array(z.object({ fingerprint: z.string(), ruleId: z.string(), path: z.string() })),
});

/** Parse and check an existing baseline file; a bad one is a configuration error naming it. */
export function parseBaselineFile(file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw configError(
      `baseline is not valid JSON: ${(error as Error).message}`,
      { file },
      'regenerate it with `bulwark baseline`',
    );
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw configError(
      `baseline has an unexpected shape at ${issue?.path.join('.') || 'top level'}: ${issue?.message}`,
      { file },
      'regenerate it with `bulwark baseline`',
    );
  }
  return parsed.data;
}
