import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readBaseline, type Baseline } from './baseline.js';
import { touches } from './changed-lines.js';
import type { Config } from './config-schema.js';
import { usageError } from './errors.js';
import { git, gitTopLevel, refExists } from './git.js';
import { discoverFiles, parseByteSize, type Discovery } from './file-discovery.js';
import { createTextReader } from './file-reader.js';
import type { Finding, ScannerId } from './finding.js';

export type { ScannerTiming } from './run-scanners.js';
import { warnUnknownSuppressions, withoutInlineSuppressed } from './inline-suppression.js';
import { numberOccurrences } from './occurrences.js';
import { holdsSecret, maskSecrets, secretValues } from './secret-masking.js';
import type { Logger } from './logger.js';
import type { Progress } from './progress.js';
import type { BaseScanInput } from './base-findings.js';
import { runScanners, type ScannerTiming } from './run-scanners.js';
import type { InputProblem, ScanContext, Scanner } from './scanner.js';
import { atOrAbove, type Severity } from './severity.js';
import { enableRequested, type ScanPlan } from './tiers.js';

/** A scanner described without loading its module; `load` imports it when it is to run. */
export interface ScannerEntry {
  id: ScannerId;
  /** True when the scanner is cheap enough for the commit tier by default. */
  fast: boolean;
  /** True when the scanner also scans git history. */
  history: boolean;
  /**
   * Import the scanner's module. `wholeTree` says the run scans every file of the folder, so
   * a scanner may start work that does not depend on the file list (threads) while the
   * files are listed; `config` and `tags` are those the run's context will carry.
   */
  load(hint?: ScanHint): Promise<Scanner>;
}

/** What a scanner may know of a run before its files are listed. */
export interface ScanHint {
  wholeTree: boolean;
  config: Config;
  tags?: readonly string[];
}

/** Everything a scan run needs. */
export interface ScanOptions {
  root: string;
  config: Config;
  plan: ScanPlan;
  /** Scanners to choose from: loaded, or described and loaded only when chosen. */
  scanners: ReadonlyArray<Scanner | ScannerEntry>;
  logger: Logger;
  progress: Progress;
  /** The baseline file to subtract, if any. */
  baselineFile?: string;
  /** Scan exactly these files (relative to the root), as named on the command line. */
  only?: readonly string[];
  signal?: AbortSignal;
}

/** The outcome of a scan: what to report, what was hidden and why, and timings. */
export interface ScanResult {
  findings: Finding[];
  suppressed: { inline: number; baseline: number; outsideChange: number };
  /** Baseline entries that no longer match any finding: fixed, or moved to another path. */
  staleBaselineEntries: number;
  filesScanned: number;
  timings: ScannerTiming[];
  failOn: Severity;
  /** Findings at or above the fail threshold. */
  failing: number;
  /** Input that could not be read; any makes the run exit 2. */
  problems: InputProblem[];
}

/** Choose files, run scanners concurrently, apply suppressions and the threshold. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const { root, plan, logger } = options;
  const config = enableRequested(options.config, plan, logger);
  const signal = options.signal ?? new AbortController().signal;
  const scanners = await Promise.all(
    chooseScanners(options.scanners, config, plan).map((s) =>
      'load' in s
        ? s.load({ wholeTree: plan.files === 'all' && !options.only, config, tags: plan.tags })
        : s,
    ),
  );

  const discovery: Discovery =
    plan.files === 'none'
      ? { files: [], inGit: true, skipped: { tooLarge: 0, ignored: 0 } }
      : discoverFiles({
          root,
          mode: plan.files,
          since: plan.since,
          maxFileSize: parseByteSize(config.maxFileSize),
          ignore: config.ignore,
          logger,
          only: options.only,
          keepLarge: (path) => scanners.some((s) => s.ignoresSizeLimit === true && s.wants(path)),
        });
  logger.info(
    `scanning ${discovery.files.length} files with ${scanners.map((s) => s.id).join(', ')}`,
  );

  if (plan.history) checkHistory(root, logger);
  const readText = createTextReader(root, discovery.files, logger);
  const problems: InputProblem[] = [];
  const reportProblem = (problem: InputProblem): void => {
    problems.push(problem);
  };
  const shared = { config, signal, logger, tags: plan.tags, reportProblem };
  const context: ScanContext = {
    ...shared,
    root,
    files: discovery.files,
    progress: options.progress,
    readText,
  };
  const outcomes = await runScanners(scanners, context, {
    tree: plan.files !== 'none',
    history: plan.history,
  });
  const introduced = await introducedFilter(discovery, { root, scanners, context: shared });

  const raw = outcomes.flatMap((o) => o.findings);
  const readLines = lineReader(root);
  // Identical findings are numbered after inline suppression, as the baseline records them, so
  // editing one of them does not renumber (and resurface) the others.
  const inline = withoutInlineSuppressed(raw, readLines);
  const all = numberOccurrences(inline.kept).map((f) => withOverride(f, config));
  const baseline = options.baselineFile ? await readBaseline(options.baselineFile) : undefined;
  const filtered = await applySuppressions(all, {
    root,
    discovery,
    introduced,
    baseline,
  });
  filtered.counts.inline = inline.suppressed;
  warnUnknownSuppressions(filtered.kept, raw, readLines, logger);
  // Every secret found in this run is masked in every finding, not only in its own.
  const secrets = secretValues(raw, readLines);
  const findings = sortFindings(filtered.kept).map((f) =>
    maskSecrets(withSnippet(f, readLines), secrets),
  );
  const failing = findings.filter((f) => atOrAbove(f.severity, config.failOn)).length;
  return {
    findings,
    suppressed: filtered.counts,
    staleBaselineEntries: filtered.staleBaseline,
    // Only files some scanner of the run reads: `--scanners code` does not count README.md.
    filesScanned: discovery.files.filter((file) => scanners.some((s) => s.wants(file.path))).length,
    timings: outcomes.map((o) => o.timing),
    failOn: config.failOn,
    failing,
    problems,
  };
}

/**
 * For staged and changed scans, a test for findings the change introduced: those absent from
 * a scan of the base commit's version of the same files. Without a base commit, none are.
 */
async function introducedFilter(
  discovery: Discovery,
  input: { root: string; scanners: readonly Scanner[]; context: BaseScanInput['context'] },
): Promise<(finding: Finding) => boolean> {
  if (!discovery.changedLines || !discovery.baseRev) return () => false;
  // Loaded only here: whole-tree scans never compare with a base commit.
  const { baseFingerprints } = await import('./base-findings.js');
  const before = await baseFingerprints({
    ...input,
    rev: discovery.baseRev,
    paths: discovery.files.map((f) => f.path),
  });
  return (finding) => !before.has(finding.fingerprint);
}

/** A history scan needs commits; a shallow clone has only some, which is worth a warning. */
function checkHistory(root: string, logger: Logger): void {
  if (!gitTopLevel(root)) {
    throw usageError(`${root} is not a git repository`, '--history reads git commits');
  }
  if (!refExists(root, 'HEAD')) {
    throw usageError(
      `${root} has no commits yet`,
      'commit first, or scan the tree without --history',
    );
  }
  if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    logger.warn(
      'this is a shallow clone: history stops at its oldest fetched commit, so a secret may be ' +
        'attributed to a later commit than the one that introduced it; run `git fetch --unshallow` first',
    );
  }
}

function chooseScanners<T extends Scanner | ScannerEntry>(
  all: readonly T[],
  config: Config,
  plan: ScanPlan,
): T[] {
  return all.filter((scanner) => {
    if (!config.scanners[scanner.id].enabled) return false;
    if (plan.scanners) return plan.scanners.includes(scanner.id);
    if (plan.fastOnly) return scanner.fast;
    if (plan.files === 'none') {
      return 'load' in scanner ? scanner.history : scanner.scanHistory !== undefined;
    }
    return true;
  });
}

function withOverride(finding: Finding, config: Config): Finding {
  const severity = config.severity[finding.ruleId];
  return severity ? { ...finding, severity } : finding;
}

interface SuppressionInput {
  root: string;
  discovery: Discovery;
  /** For staged and changed scans: whether a finding is new since the base commit. */
  introduced: (finding: Finding) => boolean;
  baseline?: Baseline;
}

async function applySuppressions(findings: Finding[], input: SuppressionInput) {
  const counts = { inline: 0, baseline: 0, outsideChange: 0 };
  const known = new Set(input.baseline?.findings.map((e) => e.fingerprint));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const { path, startLine, endLine, commit } = finding.location;
    const changed = input.discovery.changedLines;
    if (
      changed &&
      !commit &&
      !touches(changed.get(path), startLine, endLine) &&
      !input.introduced(finding)
    ) {
      counts.outsideChange++;
      continue;
    }
    if (known.has(finding.fingerprint)) {
      matched.add(finding.fingerprint);
      counts.baseline++;
      continue;
    }
    // A history finding and a tree finding of the same content are one problem.
    if (seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    kept.push(finding);
  }
  const staleBaseline = input.baseline
    ? input.baseline.findings.filter((e) => !matched.has(e.fingerprint)).length
    : 0;
  return { kept, counts, staleBaseline };
}

/** Reads a file's lines once per run, for suppression comments and code frames. */
function lineReader(root: string): (path: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (path) => {
    if (!cache.has(path)) {
      try {
        cache.set(
          path,
          readFileSync(join(root, path), 'utf8')
            .replace(/^\uFEFF/, '')
            .split(/\r?\n/),
        );
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path);
  };
}

/** Attach a short code frame; secrets findings show only their redacted evidence. */
function withSnippet(finding: Finding, readLines: (path: string) => string[] | undefined): Finding {
  if (finding.snippet) return finding;
  if (finding.scanner === 'secrets' || finding.location.commit || holdsSecret(finding)) {
    return finding.evidence
      ? {
          ...finding,
          snippet: { startLine: finding.location.startLine, lines: [finding.evidence] },
        }
      : finding;
  }
  const lines = readLines(finding.location.path);
  if (!lines) return finding;
  // One line of context either side, at most six lines in all.
  const start = Math.max(1, finding.location.startLine - 1);
  const last = Math.max(finding.location.startLine, finding.location.endLine) + 1;
  const end = Math.min(lines.length, last, start + 5);
  const { startLine, startColumn } = finding.location;
  return {
    ...finding,
    snippet: {
      startLine: start,
      lines: lines
        .slice(start - 1, end)
        .map((line, i) => clip(line, start + i === startLine ? startColumn : 1)),
    },
  };
}

/** Longest code-frame line shown. */
const FRAME_WIDTH = 200;

/**
 * A code-frame line cut to `FRAME_WIDTH` characters; on a long line the part around `column`
 * (1-based) is shown, so a finding deep in a minified or generated line stays visible.
 */
function clip(line: string, column: number): string {
  if (line.length <= FRAME_WIDTH) return line;
  if (column <= FRAME_WIDTH - 50) return `${line.slice(0, FRAME_WIDTH - 3)}...`;
  const from = Math.min(column - 1 - 60, line.length - (FRAME_WIDTH - 3));
  const window = line.slice(from, from + FRAME_WIDTH - 6);
  return from + FRAME_WIDTH - 6 >= line.length ? `...${window}` : `...${window}...`;
}

/** Order findings by path, line, then rule id, so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      a.location.startLine - b.location.startLine ||
      a.location.startColumn - b.location.startColumn ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
