import type { Severity } from './severity.js';

/** The scanners Bulwark ships; a finding's rule id starts with one of these. */
export type ScannerId = 'secrets' | 'deps' | 'code' | 'iac';

/** Where a finding is: a path relative to the scan root, 1-based lines and columns. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Set for findings from git history: the commit that introduced the content. */
  commit?: string;
  /** Author date of that commit, ISO 8601. */
  commitDate?: string;
  /** Author of that commit as `name <email>`. */
  author?: string;
}

/** A fix: always a text; a replacement only when it is certain. */
export interface Fix {
  text: string;
  replacement?: { location: Location; content: string };
}

/** One step of a data flow (source to sink), rendered as SARIF codeFlows. */
export interface FlowStep {
  location: Location;
  message: string;
}

/** A single problem found by a scanner. */
export interface Finding {
  /** `<scanner>/<rule>`, for example `secrets/github-pat` or `deps/GHSA-xxxx-xxxx-xxxx`. */
  ruleId: string;
  scanner: ScannerId;
  severity: Severity;
  /** Rule title, shown as the rule's short description in SARIF. */
  title: string;
  /** One line saying what is wrong here. */
  message: string;
  location: Location;
  /** Stable identity across unrelated edits; see fingerprint.ts. */
  fingerprint: string;
  cwe: string[];
  references: string[];
  fix?: Fix;
  /** Matched text with secrets redacted; never a full secret. */
  evidence?: string;
  /** Longer explanation (why it matters), used as SARIF help text. */
  help?: string;
  /** Data-flow steps for taint findings. */
  flow?: FlowStep[];
  /** Scanner-specific structured data (package, versions, advisory ids, resource...). */
  properties?: Record<string, unknown>;
  /** Rule tags, for example `fast`. */
  tags?: string[];
  /** Source lines around the finding for the text report; filled by the pipeline, redacted. */
  snippet?: { startLine: number; lines: string[] };
}
