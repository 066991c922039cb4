import type { CompiledAffected } from './match.js';
import type { Advisory, Ecosystem } from './model.js';
import { maxScore, scoreAdvisory, type SeverityScore } from './severity/score.js';

/** One vulnerability affecting a package version, merged from advisories that alias each other. */
export interface Vulnerability {
  /** The id to show first: GHSA for npm, PYSEC for PyPI, GO- for Go. */
  id: string;
  /** Every id: the primary one first, then the rest sorted (GHSA, CVE, PYSEC, GO, MAL, NSP). */
  ids: string[];
  /** Ids of the advisory records that were merged. */
  advisories: string[];
  summary: string;
  malicious: boolean;
  severity: SeverityScore;
  /** Versions that end the affected interval holding the matched version, ascending. */
  fixed: string[];
  cwe: string[];
  references: string[];
}

/** An advisory that matched, with the fixes that apply to the matched version. */
export interface MatchedAdvisory {
  advisory: Advisory;
  entries: CompiledAffected[];
  fixes: string[];
}

const PREFERENCE: Record<string, string[]> = {
  npm: ['GHSA-', 'MAL-', 'NSP-', 'CVE-'],
  PyPI: ['PYSEC-', 'GHSA-', 'MAL-', 'CVE-'],
  Go: ['GO-', 'GHSA-', 'CVE-'],
};
const DEFAULT_PREFERENCE = ['GHSA-', 'MAL-', 'CVE-'];

/** The id to show first among `ids`, by the ecosystem's preferred database. */
export function primaryId(ecosystem: Ecosystem, ids: string[]): string {
  const preference = PREFERENCE[ecosystem] ?? DEFAULT_PREFERENCE;
  for (const prefix of preference) {
    const hit = ids.filter((id) => id.startsWith(prefix)).sort()[0];
    if (hit) return hit;
  }
  return [...ids].sort()[0];
}

/**
 * Group matched advisories that are the same vulnerability: two advisories merge when one
 * lists the other's id, or both list the same alias (osv-schema, `aliases`).
 */
export function mergeMatches(ecosystem: Ecosystem, matches: MatchedAdvisory[]): Vulnerability[] {
  const groupOf = new Map<string, number>();
  const groups: MatchedAdvisory[][] = [];
  for (const match of matches) {
    const keys = [match.advisory.id, ...match.advisory.aliases];
    const found = [...new Set(keys.map((k) => groupOf.get(k)).filter((g) => g !== undefined))];
    const target = found.length > 0 ? found[0] : groups.push([]) - 1;
    for (const other of found.slice(1)) {
      for (const moved of groups[other]) groups[target].push(moved);
      for (const [key, group] of groupOf) if (group === other) groupOf.set(key, target);
      groups[other] = [];
    }
    groups[target].push(match);
    for (const key of keys) groupOf.set(key, target);
  }
  return groups.filter((g) => g.length > 0).map((g) => toVulnerability(ecosystem, g));
}

function toVulnerability(ecosystem: Ecosystem, group: MatchedAdvisory[]): Vulnerability {
  const allIds = [...new Set(group.flatMap((m) => [m.advisory.id, ...m.advisory.aliases]))];
  const id = primaryId(
    ecosystem,
    group.map((m) => m.advisory.id),
  );
  const order = group[0].entries[0]?.order;
  const fixed = [...new Set(group.flatMap((m) => m.fixes))].sort((a, b) =>
    order ? order.compare(a, b) : a.localeCompare(b),
  );
  const primary = group.find((m) => m.advisory.id === id)?.advisory ?? group[0].advisory;
  return {
    id,
    ids: [id, ...allIds.filter((x) => x !== id).sort()],
    advisories: group.map((m) => m.advisory.id).sort(),
    summary: primary.summary || group.find((m) => m.advisory.summary)?.advisory.summary || id,
    malicious: group.some((m) => m.advisory.malicious),
    severity: group.map((m) => scoreAdvisory(m.advisory)).reduce(maxScore),
    fixed,
    cwe: [...new Set(group.flatMap((m) => m.advisory.cwe))].sort(),
    references: [...new Set(group.flatMap((m) => m.advisory.references))],
  };
}
