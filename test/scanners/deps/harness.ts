import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { defaultConfig, type Config } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import type { Logger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import type { InputProblem, ScanFile } from '../../../src/core/scanner.js';
import { depsScanner } from '../../../src/scanners/deps/index.js';

/** What one run of the deps scanner produced. */
export interface DepsRun {
  findings: Finding[];
  /** Log lines as `level: message`. */
  logs: string[];
  /** Input the scanner reported as unreadable. */
  problems: InputProblem[];
}

/** A logger that keeps every line for assertions. */
function recordingLogger(lines: string[]): Logger {
  const keep =
    (level: string) =>
    (message: string): void => {
      lines.push(`${level}: ${message}`);
    };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/**
 * Run the real deps scanner over `paths` (relative to `root`) with the database at `dbPath`,
 * or with none configured when `dbPath` is undefined.
 */
export async function runDeps(
  root: string,
  paths: string[],
  dbPath: string | undefined,
  tune: (config: Config) => void = () => undefined,
): Promise<DepsRun> {
  const config = defaultConfig();
  config.scanners.deps.db = dbPath;
  tune(config);
  const files: ScanFile[] = paths.map((path) => ({
    path,
    absPath: join(root, path),
    size: statSync(join(root, path)).size,
    source: 'worktree',
  }));
  const logs: string[] = [];
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  for await (const finding of depsScanner.scan({
    root,
    files,
    config,
    signal: new AbortController().signal,
    logger: recordingLogger(logs),
    progress: silentProgress,
    // As the pipeline's reader does: undefined for a binary file (a NUL byte).
    readText: async (file) => {
      const bytes = readFileSync(file.absPath);
      return bytes.includes(0) ? undefined : bytes.toString('utf8');
    },
    reportProblem: (problem) => problems.push(problem),
  })) {
    findings.push(finding);
  }
  return { findings, logs, problems };
}

/** `name@version: id, id` for each finding, sorted, for exact comparisons. */
export function summary(findings: Finding[]): string[] {
  return findings
    .map((f) => {
      const p = f.properties as {
        package: string;
        version: string;
        advisories: Array<{ id: string }>;
      };
      return `${p.package}@${p.version}: ${p.advisories
        .map((a) => a.id)
        .sort()
        .join(' ')}`;
    })
    .sort();
}
