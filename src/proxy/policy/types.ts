import type { Advisory } from '../../advisories/model.js';
import type { Severity } from '../../core/severity.js';

/** The package ecosystems the proxy serves. */
export type ProxyEcosystem = 'npm' | 'PyPI';

/** The rules a version is checked against, as named in bulwark.yaml and the decision log. */
export type RuleId =
  | 'malicious'
  | 'vulnerabilities'
  | 'minimumAge'
  | 'installScripts'
  | 'typosquats'
  | 'deprecated'
  | 'licenses'
  | 'integrity';

/** The outcome for one version: served, served with a warning, or refused. */
export type DecisionKind = 'allowed' | 'warned' | 'blocked';

/** One rule that matched a version, with what it does about it. */
export interface Verdict {
  rule: RuleId;
  /** block and warn act; monitor means the rule would have blocked but only logs. */
  action: 'block' | 'warn' | 'monitor';
  /** One line a developer can act on. */
  reason: string;
  /** The advisory behind the verdict, when there is one. */
  advisory?: string;
}

/** An advisory that an exception in bulwark.yaml let through, for the decision log. */
export interface Waiver {
  advisory: string;
  /** When the exception ends and why it was granted, with the advisory it covers. */
  reason: string;
}

/** Every verdict for one version, and the resulting decision. */
export interface VersionDecision {
  decision: DecisionKind;
  verdicts: Verdict[];
  /** Advisories that would have matched but an exception lets through. */
  waivers?: Waiver[];
}

/** A vulnerability affecting one version, in the shape the policy needs. */
export interface Vulnerable {
  /** Advisory id, for example GHSA-… or MAL-…. */
  id: string;
  /** Every id of the vulnerability, the primary one first. */
  aliases: readonly string[];
  summary: string;
  /** Undefined when nothing rates the advisory. */
  severity: Severity | undefined;
  /** CVSS base score when known. */
  score?: number;
  /** OSV MAL- entries and other known-malicious reports. */
  malicious: boolean;
  /** Versions that fix it, when known. */
  fixed: readonly string[];
  /** Ids of the advisory records merged into this vulnerability. */
  records: readonly string[];
}

/** Where the proxy looks up advisories. */
export interface AdvisorySource {
  /** The vulnerabilities affecting one version of a package. */
  match(ecosystem: ProxyEcosystem, name: string, version: string): readonly Vulnerable[];
  /** Every advisory record naming a package, with its ranges, for the npm audit endpoint. */
  records(ecosystem: ProxyEcosystem, name: string): readonly Advisory[];
  /** A number that changes when the advisories change, so judged metadata can be rebuilt. */
  generation?(): number;
  /** When the advisories were imported (ISO date), when known. */
  importedAt?(): string | undefined;
}

/** What the policy needs to know about one version, gathered from registry metadata. */
export interface VersionFacts {
  ecosystem: ProxyEcosystem;
  name: string;
  version: string;
  /** Publish or upload time, when the registry gives one. */
  published?: Date;
  /** Install-time hooks declared by the manifest (`preinstall`, `binding.gyp`, …). */
  installScripts: readonly string[];
  /** The licence as declared: an SPDX expression, or undefined when absent. */
  license?: string;
  /**
   * PyPI only, where the licence lives in a file's core metadata: `pending` until a file of the
   * version has been read (the licence rule then waits), `unreadable` when the file read had
   * no core metadata (an unknown licence then only warns).
   */
  licenseStatus?: 'pending' | 'unreadable';
  /** The deprecation or yank message, when the version is deprecated or yanked. */
  deprecated?: string;
}
