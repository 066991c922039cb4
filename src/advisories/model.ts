import type { Ecosystem } from '../lockfiles/package.js';

/** Package ecosystems as OSV names them; the same set the lockfile parsers report. */
export type { Ecosystem };

/** Every ecosystem Bulwark can order versions for. */
export const ECOSYSTEMS: readonly Ecosystem[] = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
  'Pub',
  'Hex',
];

/** One OSV range event; exactly one field is set (OSV schema, `events`). */
export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

/**
 * A version range. SEMVER and ECOSYSTEM follow the OSV schema; NPM_RANGE is an npm semver
 * range expression, the form the legacy Node Security Project advisories use.
 */
export type VersionRange =
  | { type: 'SEMVER' | 'ECOSYSTEM'; events: RangeEvent[] }
  | { type: 'NPM_RANGE'; expression: string; fixed: string[] };

/** The affected versions of one package in one advisory. */
export interface AffectedPackage {
  ecosystem: Ecosystem;
  /** The package name as the advisory spells it. */
  name: string;
  ranges: VersionRange[];
  /** Explicitly listed affected versions. */
  versions: string[];
}

/** A CVSS vector attached to an advisory. */
export interface SeverityVector {
  type: 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4';
  vector: string;
}

/** An advisory in Bulwark's model, whatever its source format. */
export interface Advisory {
  id: string;
  aliases: string[];
  summary: string;
  /** ISO timestamp of the last change, when the source gives one. */
  modified?: string;
  malicious: boolean;
  vectors: SeverityVector[];
  /** The source's own rating (GHSA `database_specific.severity`), lower-cased. */
  rating?: string;
  cwe: string[];
  references: string[];
  affected: AffectedPackage[];
}
