import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

import { writeFileAtomic } from './atomic-write.js';
import { configError } from './errors.js';
import type { Finding } from './finding.js';

/** The baseline file's name at the scan root. */
export const BASELINE_FILE = '.bulwark-baseline.json';

const baselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  findings: z.array(z.object({ fingerprint: z.string(), ruleId: z.string(), path: z.string() })),
});

/** Known findings: later scans report only what is not in it. */
export type Baseline = z.infer<typeof baselineSchema>;

/** Read the baseline at `file`, or undefined when there is none. */
export function readBaseline(file: string): Baseline | undefined {
  if (!existsSync(file)) return undefined;
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

/** Write a baseline of `findings` to `file`, atomically. Holds fingerprints, never evidence. */
export function writeBaseline(
  file: string,
  findings: readonly Finding[],
  now = new Date(),
): Baseline {
  const entries = findings
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.location.path }))
    .sort(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
  const unique = entries.filter((e, i) => i === 0 || e.fingerprint !== entries[i - 1]?.fingerprint);
  const baseline: Baseline = { version: 1, createdAt: now.toISOString(), findings: unique };
  writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

/** The default baseline path for a scan root. */
export function baselinePath(root: string): string {
  return join(root, BASELINE_FILE);
}
