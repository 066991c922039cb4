import type { Command } from 'commander';

import {
  advisoryDbPath,
  CREATE_HINT,
  DEFAULT_TIMEOUT_SECONDS,
  fileError,
  importAdvisories,
  openAdvisoryDb,
  osvBaseUrl,
  readSource,
  updateAdvisories,
  type DbStatus,
  type DownloadProgress,
  type Ecosystem,
  type ImportReport,
} from '../advisories/index.js';
import { ECOSYSTEMS } from '../advisories/model.js';
import { usageError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { cliLogger } from './output.js';

/** Flags shared by the `bulwark db` subcommands. */
interface DbFlags {
  db?: string;
  verbose?: boolean;
  quiet?: boolean;
}

/** Add `bulwark db import|update|status` to the program. */
export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('manage the offline OSV advisory database used by the deps scanner');
  addImport(db);
  addUpdate(db);
  addStatus(db);
}

function addImport(db: Command): void {
  db.command('import')
    .description('import OSV advisories (JSON or YAML) from folders or all.zip archives')
    .argument('<sources...>', 'folders (searched recursively) or zip archives')
    .option('--db <file>', 'database file (default: BULWARK_DB or the user cache)')
    .option('--replace', 'start from an empty database instead of adding to it')
    .option('-v, --verbose', 'log each skipped entry')
    .option('-q, --quiet', 'print nothing but errors: no summary, no warnings')
    .action((sources: string[], flags: DbFlags & { replace?: boolean }) => {
      const logger = cliLogger(flags);
      const report = importAdvisories({
        dbPath: advisoryDbPath(flags.db),
        files: sources.flatMap((source) => readSource(source)),
        replace: flags.replace,
        source: sources.join(', '),
      });
      printReport(report, advisoryDbPath(flags.db), logger, flags.quiet);
    });
}

function addUpdate(db: Command): void {
  db.command('update')
    .description('download the OSV exports (<base>/<ecosystem>/all.zip) and import them')
    .option('--db <file>', 'database file (default: BULWARK_DB or the user cache)')
    .option(
      '--base-url <url>',
      'OSV export root (default: BULWARK_OSV_URL or the public OSV bucket)',
    )
    .option(
      '--ecosystems <list>',
      `comma-separated, of ${ECOSYSTEMS.join(',')}; only these are replaced, ` +
        'the others in the database are kept (default: all, replacing the whole database)',
    )
    .option(
      '--timeout <seconds>',
      `seconds to wait for the server to answer and between pieces of a download (default ${DEFAULT_TIMEOUT_SECONDS})`,
    )
    .option('-v, --verbose', 'log each download and skipped entry')
    .option('-q, --quiet', 'print nothing but errors: no summary, no warnings')
    .action(
      async (flags: DbFlags & { baseUrl?: string; ecosystems?: string; timeout?: string }) => {
        const logger = cliLogger(flags);
        const dbPath = advisoryDbPath(flags.db);
        const ecosystems = parseEcosystems(flags.ecosystems);
        const showProgress = process.stderr.isTTY && !flags.quiet;
        let report: ImportReport;
        try {
          report = await updateAdvisories({
            dbPath,
            baseUrl: osvBaseUrl(flags.baseUrl),
            ecosystems,
            timeoutSeconds: parseTimeout(flags.timeout),
            onProgress: showProgress ? ttyProgress() : undefined,
            logger,
          });
        } finally {
          // Clear the progress line, so a summary or an error starts on a clean line.
          if (showProgress) process.stderr.write('\r\x1b[K');
        }
        printReport(report, dbPath, logger, flags.quiet);
        if (ecosystems && !flags.quiet) {
          process.stdout.write(`  replaced: ${ecosystems.join(', ')}; other ecosystems kept\n`);
        }
      },
    );
}

function addStatus(db: Command): void {
  db.command('status')
    .description('show what the advisory database holds and how old it is')
    .option('--db <file>', 'database file (default: BULWARK_DB or the user cache)')
    .option('--json', 'print the status as JSON')
    .action((flags: DbFlags & { json?: boolean }) => {
      const logger = cliLogger(flags);
      const path = advisoryDbPath(flags.db);
      const store = openAdvisoryDb(path);
      let status: DbStatus;
      try {
        status = store.status();
      } catch (error) {
        throw fileError(error, path, 'read');
      } finally {
        store.close();
      }
      if (status.ageProblem) logger.warn(`advisory database age unknown: ${status.ageProblem}`);
      if (status.advisories === 0)
        logger.warn(`advisory database holds no advisories: ${CREATE_HINT}`);
      process.stdout.write(
        flags.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status),
      );
    });
}

function parseEcosystems(value: string | undefined): Ecosystem[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw usageError('--ecosystems: no ecosystem named', `use some of ${ECOSYSTEMS.join(', ')}`);
  }
  const unknown = names.filter((n) => !(ECOSYSTEMS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw usageError(
      `--ecosystems: unknown ecosystem ${unknown.join(', ')}`,
      `use ${ECOSYSTEMS.join(', ')}`,
    );
  }
  return names as Ecosystem[];
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw usageError(
      `--timeout: ${value} is not a number of seconds`,
      'use for example --timeout 120',
    );
  }
  return seconds;
}

/** One self-overwriting line on a terminal: `downloading npm: 12.3 of 40.1 MB`. */
function ttyProgress(): DownloadProgress {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return (ecosystem, received, total) => {
    const of = total === undefined ? '' : ` of ${mb(total)}`;
    process.stderr.write(`\r\x1b[Kdownloading ${ecosystem}: ${mb(received)}${of} MB`);
  };
}

/** Counts per ecosystem to stdout; every entry set aside to stderr. */
/** The import summary on stdout; `--quiet` leaves it out, printing nothing when all went well. */
function printReport(report: ImportReport, dbPath: string, logger: Logger, quiet = false): void {
  for (const warning of report.warnings) logger.warn(warning);
  if (quiet) return;
  // Releases of one distribution (`Debian:12`, `Debian:11`) count under its name.
  const dropped = new Map<string, number>();
  for (const [ecosystem, count] of Object.entries(report.unsupportedEcosystems)) {
    const name = ecosystem.split(':')[0];
    dropped.set(name, (dropped.get(name) ?? 0) + count);
  }
  const unsupported = [...dropped]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ecosystem, count]) => `${ecosystem} ${count}`);
  const lines = [
    `imported ${report.advisories} advisories from ${report.files} files into ${dbPath}`,
    ...Object.entries(report.perEcosystem)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ecosystem, count]) => `  ${ecosystem}: ${count}`),
    `  withdrawn (skipped): ${report.withdrawn}`,
    `  legacy npm advisories converted: ${report.legacyConverted}`,
    `  GIT ranges ignored (commits, not versions): ${report.gitRangesIgnored}`,
    `  ecosystem corrections applied: ${report.corrected}`,
    `  ranges set aside with a warning: ${report.warnings.length}`,
    `  entries dropped (ecosystems Bulwark cannot order): ${unsupported.join(', ') || '0'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function formatStatus(status: DbStatus): string {
  const age =
    status.ageDays !== undefined
      ? ` (${status.ageDays} days ago)`
      : status.ageProblem
        ? ` (age unknown: ${status.ageProblem})`
        : '';
  const lines = [
    `database: ${status.path}`,
    `advisories: ${status.advisories}`,
    ...Object.entries(status.perEcosystem).map(([ecosystem, count]) => {
      const from = status.ecosystems[ecosystem] ?? {};
      const when = from.importedAt ?? 'unknown date';
      return `  ${ecosystem}: ${count} (${when}, from ${from.source ?? 'unknown source'})`;
    }),
    `imported: ${status.importedAt ?? 'unknown'}${age}`,
    `source: ${status.source ?? 'unknown'}`,
  ];
  return `${lines.join('\n')}\n`;
}
