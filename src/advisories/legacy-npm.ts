import semver from 'semver';
import { z } from 'zod';

import type { ImportReport } from './import-report.js';
import type { Advisory } from './model.js';

/** The Node Security Project advisory format (nodejs/security-wg `vuln/npm/<id>.json`). */
export const legacyRecordSchema = z.object({
  id: z.number().int(),
  updated_at: z.string().nullish(),
  title: z.string(),
  module_name: z.string().min(1),
  cves: z.array(z.string()).nullish(),
  vulnerable_versions: z.string().nullish(),
  patched_versions: z.string().nullish(),
  overview: z.string().nullish(),
  references: z.array(z.string()).nullish(),
  cvss_vector: z.string().nullish(),
});

/** A legacy record as read from a file. */
export type LegacyRecord = z.infer<typeof legacyRecordSchema>;

/** True when a parsed JSON value looks like a legacy record rather than OSV. */
export function isLegacyRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'module_name' in value;
}

/**
 * Convert a legacy record. Mapping: id → `NSP-<id>`; `cves` → aliases; `title` → summary;
 * `module_name` → an npm package; `vulnerable_versions`, an npm range expression, is kept
 * as is (an NPM_RANGE range, matched with the semver package, prereleases included) because
 * OSV events cannot express its `>` bounds; the lowest version of each `patched_versions`
 * alternative becomes a fixed version; `cvss_vector` becomes a CVSS_V3 vector; a title
 * naming malicious code marks the record malicious.
 *
 * Legacy npm advisories (NSP-) that carry no CVE id cannot be merged with the GHSA describing the
 * same problem, so one problem can be listed under both ids.
 */
export function fromLegacy(record: LegacyRecord, file: string, report: ImportReport): Advisory[] {
  const id = `NSP-${record.id}`;
  const expression = record.vulnerable_versions?.trim();
  if (!expression || semver.validRange(expression, { loose: true }) === null) {
    report.warnings.push(
      `${file}: ${id}: vulnerable_versions "${expression ?? ''}" is not an npm range; skipped`,
    );
    return [];
  }

  const vector = record.cvss_vector?.trim();
  return [
    {
      id,
      aliases: record.cves ?? [],
      summary: `${record.title} in ${record.module_name}`,
      modified: record.updated_at ?? undefined,
      // The format has no malware flag; its malware records say so in the title (450, 477).
      malicious: /malicious/i.test(record.title),
      vectors: vector?.startsWith('CVSS:3.') ? [{ type: 'CVSS_V3', vector }] : [],
      cwe: [],
      references: record.references ?? [],
      affected: [
        {
          ecosystem: 'npm',
          name: record.module_name,
          ranges: [
            { type: 'NPM_RANGE', expression, fixed: patchedLowerBounds(record.patched_versions) },
          ],
          versions: [],
        },
      ],
    },
  ];
}

/** The lowest version of each `||` alternative that has a lower bound (`>=1.4.6 <2` → 1.4.6). */
function patchedLowerBounds(patched: string | null | undefined): string[] {
  if (!patched) return [];
  const range = safeRange(patched);
  if (!range) return [];
  const out: string[] = [];
  for (const set of range.set) {
    const hasLower = set.some(
      (c) => c.operator === '>=' || c.operator === '>' || c.operator === '',
    );
    if (!hasLower) continue;
    const low = semver.minVersion(new semver.Range(set.map((c) => c.value).join(' ')));
    if (low && semver.satisfies(low, patched, { loose: true }) && low.version !== '0.0.0') {
      out.push(low.version);
    }
  }
  return out;
}

function safeRange(text: string): semver.Range | undefined {
  try {
    return new semver.Range(text, { loose: true });
  } catch {
    return undefined;
  }
}
