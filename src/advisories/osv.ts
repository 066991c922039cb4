import { correctEcosystem, correctIntroduced } from './corrections.js';
import { bump, type ImportReport } from './import-report.js';
import {
  ECOSYSTEMS,
  type Advisory,
  type AffectedPackage,
  type Ecosystem,
  type RangeEvent,
  type SeverityVector,
  type VersionRange,
} from './model.js';
import type { OsvRange, OsvRecord } from './osv-schema.js';
import { semverRangeOrder, versionOrder, type VersionOrder } from './versions/index.js';

/** Turn a validated OSV record into Bulwark's model, or undefined when it is withdrawn. */
export function fromOsv(
  record: OsvRecord,
  file: string,
  report: ImportReport,
): Advisory | undefined {
  if (record.withdrawn) {
    report.withdrawn++;
    return undefined;
  }

  const affected: AffectedPackage[] = [];
  for (const entry of record.affected ?? []) {
    if (!entry.package) continue;
    const raw = entry.package.ecosystem;
    const corrected = correctEcosystem(record.id, entry.package.name, raw);
    if (corrected !== raw) report.corrected++;
    const ecosystem = asEcosystem(corrected);
    if (!ecosystem) {
      bump(report.unsupportedEcosystems, corrected);
      continue;
    }
    const name = entry.package.name;
    const ranges = (entry.ranges ?? [])
      .map((r) => ({
        ...r,
        events: (r.events ?? []).map((e) => fixIntroduced(record.id, name, e, report)),
      }))
      .flatMap((r) => convertRange(r, ecosystem, `${file}: ${record.id}`, report));
    affected.push({ ecosystem, name, ranges, versions: entry.versions ?? [] });
  }

  const aliases = record.aliases ?? [];
  const cwe = record.database_specific?.cwe_ids ?? [];
  return {
    id: record.id,
    aliases,
    summary: (record.summary ?? firstSentence(record.details ?? '')).trim(),
    modified: record.modified,
    malicious:
      [record.id, ...aliases].some((id) => id.startsWith('MAL-')) || cwe.includes('CWE-506'),
    vectors: (record.severity ?? []).flatMap(toVector),
    rating: record.database_specific?.severity?.toLowerCase() ?? undefined,
    cwe,
    references: (record.references ?? []).map((r) => r.url),
    affected,
  };
}

function fixIntroduced(
  id: string,
  name: string,
  event: RangeEvent,
  report: ImportReport,
): RangeEvent {
  if (event.introduced === undefined) return event;
  const introduced = correctIntroduced(id, name, event.introduced);
  if (introduced === event.introduced) return event;
  report.corrected++;
  return { ...event, introduced };
}

/** The ecosystem named by an OSV `package.ecosystem`, ignoring a `:release` suffix. */
function asEcosystem(name: string): Ecosystem | undefined {
  const base = name.split(':')[0];
  return ECOSYSTEMS.find((e) => e === base);
}

function toVector(entry: { type: string; score: string }): SeverityVector[] {
  const type = entry.type;
  if (type === 'CVSS_V2' || type === 'CVSS_V3' || type === 'CVSS_V4') {
    return [{ type, vector: entry.score }];
  }
  return [];
}

function firstSentence(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/**
 * Convert one OSV range. GIT ranges name commits, not package versions, so they cannot be
 * compared with a lockfile's version and are counted and dropped. A range holding a version
 * the ecosystem cannot order is dropped with a warning rather than matched loosely.
 */
function convertRange(
  range: OsvRange,
  ecosystem: Ecosystem,
  where: string,
  report: ImportReport,
): VersionRange[] {
  if (range.type === 'GIT') {
    report.gitRangesIgnored++;
    return [];
  }
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') {
    report.warnings.push(`${where}: range type ${range.type} is not part of OSV; range dropped`);
    return [];
  }
  const order = range.type === 'SEMVER' ? semverRangeOrder(ecosystem) : versionOrder(ecosystem);
  const events = splitListedFixes((range.events ?? []).map(cleanEvent), order);
  const bad = events.map(eventVersion).find((v) => v !== '0' && order.parse(v) === undefined);
  if (bad !== undefined) {
    report.warnings.push(`${where}: ${ecosystem} cannot order version "${bad}"; range dropped`);
    return [];
  }
  return [{ type: range.type, events }];
}

function cleanEvent(event: RangeEvent): RangeEvent {
  const out: RangeEvent = {};
  if (event.introduced !== undefined) out.introduced = event.introduced.trim();
  if (event.fixed !== undefined) out.fixed = event.fixed.trim();
  if (event.last_affected !== undefined) out.last_affected = event.last_affected.trim();
  if (event.limit !== undefined) out.limit = event.limit.trim();
  return out;
}

/** The version an event carries, whichever kind it is. */
export function eventVersion(event: RangeEvent): string {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '';
}

/**
 * GHSA-h755-8qp9-cq85 lists two fixes in one event (`"fixed": "7.2.4, 6.11.4"`): one per
 * release line. Read it as one interval per line: the lowest fix closes the advisory's own
 * interval, and each higher fix closes an interval that opens at the start of its line
 * (`7.0.0` for 7.2.4 when the previous fix was on line 6, `7.2.0` when it was on 7.1).
 */
function splitListedFixes(events: RangeEvent[], order: VersionOrder): RangeEvent[] {
  const out: RangeEvent[] = [];
  for (const event of events) {
    if (event.fixed === undefined || !event.fixed.includes(',')) {
      out.push(event);
      continue;
    }
    const fixes = event.fixed
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .sort((a, b) => safeCompare(order, a, b));
    fixes.forEach((fix, i) => {
      if (i > 0) out.push({ introduced: lineStart(fixes[i - 1], fix) });
      out.push({ fixed: fix });
    });
  }
  return out;
}

function lineStart(previous: string, fix: string): string {
  const [pMajor] = previous.split('.');
  const [major, minor] = fix.split('.');
  return pMajor === major ? `${major}.${minor ?? '0'}.0` : `${major}.0.0`;
}

function safeCompare(order: VersionOrder, a: string, b: string): number {
  if (order.parse(a) === undefined || order.parse(b) === undefined) return a.localeCompare(b);
  return order.compare(a, b);
}
