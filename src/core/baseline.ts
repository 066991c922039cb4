import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { writeFileAtomic } from './atomic-write.js';
import type { Finding } from './finding.js';

/** The baseline file's name at the scan root. */
export const BASELINE_FILE = '.bulwark-baseline.json';

/** Known findings: later scans report only what is not in it. */
export interface Baseline {
  version: 1;
  createdAt: string;
  findings: Array<{ fingerprint: string; ruleId: string; path: string }>;
}

/**
 * Read the baseline at `file`, or undefined when there is none. Its schema (zod) is loaded
 * only when the file exists, which most scans never need.
 */
export async function readBaseline(file: string): Promise<Baseline | undefined> {
  if (!existsSync(file)) return undefined;
  return (await import('./baseline-read.js')).parseBaselineFile(file);
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
