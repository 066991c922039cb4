import type { Finding } from '../../core/finding.js';
import type { Logger } from '../../core/logger.js';
import type { InputProblem } from '../../core/scanner.js';

/** The infrastructure formats the iac scanner understands. */
export type FrameworkId =
  'terraform' | 'kubernetes' | 'dockerfile' | 'github-actions' | 'gitlab-ci';

/** One file handed to a framework: its path relative to the scan root and its text. */
export interface FrameworkFile {
  path: string;
  text: string;
}

/** What a framework gets for one scan: every file it wants, at once. */
export interface FrameworkInput {
  /** All files of the scan this framework wants; Terraform resolves across a folder. */
  files: readonly FrameworkFile[];
  logger: Logger;
  /** When set, only checks carrying one of these tags run. */
  tags?: readonly string[];
  /** Record a file that could not be parsed (with its line); the run exits 2 at the end. */
  reportProblem?: (problem: InputProblem) => void;
}

/** One infrastructure framework: which files it reads and the checks it runs on them. */
export interface Framework {
  id: FrameworkId;
  /** Whether this framework reads the file, by its path and (when needed) its text. */
  wants(path: string, text?: string): boolean;
  /** Run every check of the framework on its files. */
  scan(input: FrameworkInput): Finding[];
}
