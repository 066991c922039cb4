import type { Finding } from '../../core/finding.js';
import type { Logger } from '../../core/logger.js';

/** The infrastructure formats the iac scanner understands. */
export type FrameworkId = 'terraform' | 'kubernetes' | 'dockerfile' | 'github-actions' | 'gitlab-ci';

/** What a framework's checks get for one file. */
export interface FrameworkFile {
  /** Path relative to the scan root, forward slashes. */
  path: string;
  text: string;
  /** Other files of the same scan this framework wants (Terraform modules read their folder). */
  siblings: ReadonlyMap<string, string>;
  logger: Logger;
  /** When set, only checks carrying one of these tags run. */
  tags?: readonly string[];
}

/** One infrastructure framework: which files it reads and the checks it runs on them. */
export interface Framework {
  id: FrameworkId;
  /** Whether this framework reads the file, by its path and (when needed) its text. */
  wants(path: string, text?: string): boolean;
  /** Run every check of the framework on one file. */
  scanFile(file: FrameworkFile): Finding[];
}
