import type { Finding } from '../../../src/core/finding.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import type { InputProblem } from '../../../src/core/scanner.js';
import type { Framework, FrameworkFile } from '../../../src/scanners/iac/framework.js';

/** Scan files given as path → text with one framework; input problems go to `problems`. */
export function scanWith(
  framework: Framework,
  files: Record<string, string>,
  logger: Logger = silentLogger,
  problems: InputProblem[] = [],
): Finding[] {
  const list: FrameworkFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return framework.scan({
    files: list,
    logger,
    reportProblem: (problem) => problems.push(problem),
  });
}

/** `line rule-id` (rule id without the `iac/<framework>/` prefix) for findings of `rules`. */
export function lines(findings: Finding[], rules?: string[]): string[] {
  return findings
    .map((finding) => ({ finding, rule: finding.ruleId.split('/').slice(2).join('/') }))
    .filter(({ rule }) => !rules || rules.includes(rule))
    .map(({ finding, rule }) => `${finding.location.startLine} ${rule}`);
}

/** A logger that records its lines. */
export function recordingLogger(out: string[]): Logger {
  const log = (level: string) => (message: string) => out.push(`${level}: ${message}`);
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
