import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import {
  advisoryDbPath,
  CREATE_HINT,
  errorCode,
  openAdvisoryDbForScan,
  type AdvisoryDb,
} from '../../advisories/index.js';
import { BulwarkError, formatPosition } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { ScanContext, ScanFile, Scanner } from '../../core/scanner.js';
import { isLockfile, parseLockfile, type LockfileResult } from '../../lockfiles/index.js';
import { depsFinding } from './finding.js';
import { groupPackages } from './group.js';
import { ignoreList, type IgnoreList } from './ignores.js';

/**
 * The dependency scanner: parses each lockfile, looks every locked package up in the
 * advisory database, and reports one finding per vulnerable package version.
 */
export const depsScanner: Scanner = {
  id: 'deps',
  description: 'known-vulnerable and malicious dependencies in lockfiles (OSV advisories)',
  fast: true,
  ignoresSizeLimit: true,
  wants: isLockfile,
  scan: scanDeps,
};

async function* scanDeps(context: ScanContext): AsyncIterable<Finding> {
  const settings = context.config.scanners.deps;
  const lockfiles = context.files.filter((file) => isLockfile(file.path));
  if (!settings.enabled || lockfiles.length === 0) return;

  // Every lockfile is parsed even without a database, so a corrupt one is still reported.
  const parsed: LockfileResult[] = [];
  for (const file of lockfiles) {
    if (context.signal.aborted) return;
    const result = await readLockfile(context, file);
    if (result) parsed.push(result);
  }

  const db = openDb(context);
  if (!db) return;
  const ignores = ignoreList(
    settings.ignore,
    context.logger,
    new Date().toISOString().slice(0, 10),
  );
  try {
    for (const result of parsed) {
      if (context.signal.aborted) return;
      yield* findingsOf(result, db, ignores, context);
      context.progress.tick();
    }
    ignores.reportUnused(context.logger);
  } catch (error) {
    // A database damaged past its header fails on the first lookup: an input problem, not a bug.
    if (!errorCode(error)?.startsWith('SQLITE_')) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    context.reportProblem({
      path: displayPath(context.root, db.path),
      message: `the advisory database cannot be read (${reason}): ${CREATE_HINT}`,
    });
  } finally {
    db.close();
  }
}

/**
 * BULWARK_DB overrides bulwark.yaml, whose relative `db` path is taken from the scan root.
 * A database the user named that is missing, empty or unreadable is an input problem; the
 * default one only warns when missing or empty (a fresh machine).
 */
function openDb(context: ScanContext): AdvisoryDb | undefined {
  const settings = context.config.scanners.deps;
  const configured = settings.db === undefined ? undefined : resolve(context.root, settings.db);
  const fromEnv = process.env.BULWARK_DB || undefined;
  const path = fromEnv ?? advisoryDbPath(configured);
  const opened = openAdvisoryDbForScan({
    path,
    explicit: fromEnv !== undefined || configured !== undefined,
    maxAgeDays: settings.maxAgeDays,
    logger: context.logger,
  });
  if (opened.problem !== undefined) {
    context.reportProblem({ path: displayPath(context.root, path), message: opened.problem });
  }
  return opened.db;
}

function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * Parse one lockfile; a parse error is reported as a problem and logged once as
 * `file:line: lockfile not checked: message; hint`, and the file is skipped.
 */
async function readLockfile(
  context: ScanContext,
  file: ScanFile,
): Promise<LockfileResult | undefined> {
  const text = await context.readText(file);
  if (text === undefined) {
    const message = unreadableReason(file);
    context.reportProblem({ path: file.path, message });
    context.logger.warn(`lockfile not checked: ${message}`);
    return undefined;
  }
  const readSibling = (name: string): string | undefined => {
    try {
      return readFileSync(join(dirname(file.absPath), name), 'utf8');
    } catch {
      return undefined;
    }
  };
  try {
    const result = parseLockfile(file.path, text, readSibling);
    // Parts the parser could not read (a missing `-r` include) leave pins unchecked.
    for (const problem of result.problems ?? []) {
      const message = `${problem.message}; ${problem.hint}`;
      context.reportProblem({ path: problem.file, line: problem.line, message });
    }
    return result;
  } catch (error) {
    if (!(error instanceof BulwarkError) || error.kind !== 'input') throw error;
    const line = error.where?.line;
    // Parsers may end their message with "(line N)"; the location already says it.
    const said = error.message.replace(/\s*\(line \d+(, column \d+)?\)$/, '');
    const message = `${said}${error.hint ? `; ${error.hint}` : ''}`;
    // One location, once: the parser's "(line N)" is dropped and no path field is added.
    context.reportProblem({ path: file.path, line, message });
    context.logger.warn(
      `${formatPosition({ file: file.path, line })}: lockfile not checked: ${message}`,
    );
    return undefined;
  }
}

/**
 * Why the text of a lockfile is unavailable. `readText` gives undefined for binary and for
 * unreadable files; a NUL byte in the first 8 KB tells the two apart.
 */
function unreadableReason(file: ScanFile): string {
  let head: Buffer;
  try {
    head = readFileSync(file.absPath).subarray(0, 8192);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${file.path} cannot be read (${reason}): check its permissions`;
  }
  if (head.includes(0)) {
    return `${file.path} is binary, not a lockfile: regenerate it with your package manager`;
  }
  return `${file.path} cannot be read as UTF-8 text: regenerate it with your package manager`;
}

function* findingsOf(
  result: LockfileResult,
  db: AdvisoryDb,
  ignores: IgnoreList,
  context: ScanContext,
): Iterable<Finding> {
  const settings = context.config.scanners.deps;
  for (const pkg of groupPackages(result.packages, settings.includeDev)) {
    const match = db.matchPackage(pkg.ecosystem, pkg.name, pkg.version);
    if (match.vulnerabilities.length === 0) continue;
    const vulnerabilities = ignores.filter(match.vulnerabilities);
    if (vulnerabilities.length === 0) continue;
    yield depsFinding({
      pkg,
      vulnerabilities,
      upgradeTo: match.upgradeTo,
      unknownSeverity: settings.unknownSeverity,
    });
  }
}
