import type { PackageMatch, Vulnerability } from '../../advisories/index.js';
import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { severityRank, type Severity } from '../../core/severity.js';
import type { Package } from '../../lockfiles/index.js';

/** What a deps finding is built from. */
export interface DepsFindingInput {
  pkg: Package;
  /** The vulnerabilities left after ignores, at least one. */
  vulnerabilities: Vulnerability[];
  upgradeTo: PackageMatch['upgradeTo'];
  unknownSeverity: Severity;
}

/** The severity of a vulnerability, falling back to the configured one when nothing rates it. */
function levelOf(vulnerability: Vulnerability, unknown: Severity): Severity {
  return vulnerability.severity.level ?? unknown;
}

/** Most serious first; ties by id, so the rule id is stable. */
function bySeverity(unknown: Severity): (a: Vulnerability, b: Vulnerability) => number {
  return (a, b) =>
    Number(b.malicious) - Number(a.malicious) ||
    severityRank(levelOf(b, unknown)) - severityRank(levelOf(a, unknown)) ||
    (b.severity.score ?? -1) - (a.severity.score ?? -1) ||
    a.id.localeCompare(b.id);
}

/** Go module versions carry a `v`; OSV writes them without it. The standard library does not. */
function displayVersion(pkg: Package, version: string): string {
  if (pkg.ecosystem !== 'Go' || pkg.name === 'stdlib' || version.startsWith('v')) return version;
  return `v${version}`;
}

/** One finding for one vulnerable package version in one lockfile. */
export function depsFinding(input: DepsFindingInput): Finding {
  const { pkg, unknownSeverity } = input;
  const vulns = [...input.vulnerabilities].sort(bySeverity(unknownSeverity));
  const primary = vulns[0];
  const ruleId = `deps/${primary.id}`;
  const malicious = vulns.some((v) => v.malicious);
  const upgradeTo = input.upgradeTo ? displayVersion(pkg, input.upgradeTo) : undefined;
  const path = pkg.direct ? [`${pkg.name}@${pkg.version}`] : (pkg.paths[0] ?? []);
  const directDependency = pkg.direct ? `${pkg.name}@${pkg.version}` : path[0];
  const ids = vulns.map((v) => v.id);

  return {
    ruleId,
    scanner: 'deps',
    severity: malicious ? 'critical' : levelOf(primary, unknownSeverity),
    title: malicious ? `Malicious package: ${pkg.name}` : primary.summary,
    message: messageLine(
      pkg,
      vulns,
      malicious,
      upgradeTo,
      pkg.direct ? undefined : directDependency,
    ),
    location: {
      path: pkg.lockfile,
      startLine: pkg.line,
      startColumn: 1,
      endLine: pkg.line,
      endColumn: 1,
    },
    fingerprint: fingerprint(ruleId, pkg.lockfile, `${pkg.name}@${pkg.version}`),
    cwe: [...new Set(vulns.flatMap((v) => v.cwe))].sort(),
    references: [
      ...ids.map((id) => `https://osv.dev/vulnerability/${id}`),
      ...vulns.flatMap((v) => v.references.slice(0, 3)),
    ],
    fix: { text: fixText(pkg, ids, malicious, upgradeTo, directDependency) },
    evidence: `${pkg.name}@${pkg.version}`,
    help: vulns.map((v) => `${v.ids.join(', ')}: ${v.summary}`).join('\n'),
    properties: {
      ...properties(pkg, vulns, unknownSeverity),
      upgradeTo,
      directDependency,
      path,
    },
    tags: malicious ? ['malicious'] : [],
  };
}

/** The structured part of a finding, for grouping by package in reports. */
function properties(
  pkg: Package,
  vulns: Vulnerability[],
  unknownSeverity: Severity,
): Record<string, unknown> {
  return {
    ecosystem: pkg.ecosystem,
    package: pkg.name,
    version: pkg.version,
    score: vulns[0].severity.score,
    advisories: vulns.map((v) => ({
      id: v.id,
      ids: v.ids,
      summary: v.summary,
      severity: levelOf(v, unknownSeverity),
      score: v.severity.score,
      vector: v.severity.vector,
      malicious: v.malicious,
      fixed: v.fixed.map((f) => displayVersion(pkg, f)),
    })),
    fixedVersions: [...new Set(vulns.flatMap((v) => v.fixed))].map((f) => displayVersion(pkg, f)),
    dev: pkg.dev,
  };
}

function messageLine(
  pkg: Package,
  vulns: Vulnerability[],
  malicious: boolean,
  upgradeTo: string | undefined,
  via: string | undefined,
): string {
  const subject = `${pkg.name} ${pkg.version}`;
  const ids = vulns.map((v) => v.id).join(', ');
  if (malicious) return `${subject} is a known malicious package (${ids}): remove it`;
  const what =
    vulns.length === 1
      ? `${subject} is affected by ${ids} (${vulns[0].summary.replace(/\s+/g, ' ')})`
      : `${subject} is affected by ${vulns.length} advisories (${ids})`;
  const action = upgradeTo ? `upgrade to ${upgradeTo}` : 'no fixed version';
  return `${what}; ${action}${via ? ` (via ${via})` : ''}`;
}

function fixText(
  pkg: Package,
  ids: string[],
  malicious: boolean,
  upgradeTo: string | undefined,
  directDependency: string | undefined,
): string {
  if (malicious) {
    return (
      `remove ${pkg.name} ${pkg.version} (${ids.join(', ')}), reinstall from a clean lockfile, ` +
      'and rotate credentials on every machine that installed it'
    );
  }
  if (!upgradeTo) {
    return `no fixed version of ${pkg.name} is known for ${ids.join(', ')}: remove or replace it`;
  }
  const upgrade = `upgrade ${pkg.name} ${pkg.version} → ${upgradeTo} (fixes ${ids.join(', ')})`;
  if (pkg.direct || !directDependency) return upgrade;
  return `${upgrade}; it comes from ${directDependency}: upgrade that to a release that allows ${pkg.name} ${upgradeTo}`;
}
