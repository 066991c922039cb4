import type { Config } from './config-schema.js';
import type { Finding, ScannerId } from './finding.js';
import type { Logger } from './logger.js';
import type { Progress } from './progress.js';

/** A file chosen for a scan. */
export interface ScanFile {
  /** Path relative to the scan root, with forward slashes. */
  path: string;
  /** Absolute path on disk (the working-tree copy, even for staged scans). */
  absPath: string;
  /** Size in bytes of the content that will be scanned. */
  size: number;
  /** Where the content comes from: the working tree, or the git index for `--staged`. */
  source: 'worktree' | 'index';
  /** Larger than maxFileSize: only scanners that read data files of any size get it. */
  oversized?: boolean;
}

/** Input a scanner could not read: a corrupt lockfile, an unreadable database, a bad rule. */
export interface InputProblem {
  /** The file at fault, relative to the scan root when it is inside it. */
  path: string;
  line?: number;
  column?: number;
  message: string;
  /**
   * What the file is when it is not scanned input: a code rule that did not load, or the
   * configured rules folder. Reports label these apart from input files that were not read.
   */
  kind?: 'rule' | 'rules-folder';
}

/** Everything a scanner gets for one run. */
export interface ScanContext {
  root: string;
  files: readonly ScanFile[];
  config: Config;
  signal: AbortSignal;
  logger: Logger;
  progress: Progress;
  /** When set, only rules carrying one of these tags run (the tier's choice). */
  tags?: readonly string[];
  /** The file's text, or undefined when it is binary or unreadable (already logged). */
  readText(file: ScanFile): Promise<string | undefined>;
  /** Record input that could not be read; the scan goes on and the run exits 2 at the end. */
  reportProblem(problem: InputProblem): void;
}

/** A commit's patch as the history tier hands it to scanners. */
export interface HistoryContext {
  root: string;
  config: Config;
  signal: AbortSignal;
  logger: Logger;
  progress: Progress;
  tags?: readonly string[];
  /** Revision range for `git log`, for example `HEAD` or `v1.0..HEAD`. */
  range: string;
}

/** A scanner: an id, the files it wants, and a scan that yields findings. */
export interface Scanner {
  id: ScannerId;
  /** One line for `bulwark scan --help` and the timing report. */
  description: string;
  /** True when the scanner is cheap enough for the commit tier by default. */
  fast: boolean;
  /** True when the files it wants are data to read whatever their size (lockfiles). */
  ignoresSizeLimit?: boolean;
  /** Whether the scanner wants a file, judged by its path alone. */
  wants(path: string): boolean;
  /** Scan the files of the context it wants. */
  scan(context: ScanContext): AsyncIterable<Finding>;
  /** Scan git history, for scanners that look at past commits (secrets). */
  scanHistory?(context: HistoryContext): AsyncIterable<Finding>;
}
