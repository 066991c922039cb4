import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { advisoryDbPath, openAdvisoryDbForScan, type AdvisoryDb } from '../../advisories/index.js';
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
  wants: isLockfile,
  scan: scanDeps,
};

async function* scanDeps(context: ScanContext): AsyncIterable<Finding> {
  const settings = context.config.scanners.deps;
  const lockfiles = context.files.filter((file) => isLockfile(file.path));
  if (!settings.enabled || lockfiles.length === 0) return;
  // BULWARK_DB overrides bulwark.yaml, whose relative `db` path is taken from the scan root.
  const configured = settings.db === undefined ? undefined : resolve(context.root, settings.db);
  const dbPath = process.env.BULWARK_DB || advisoryDbPath(configured);
  const db = openAdvisoryDbForScan({
    path: dbPath,
    maxAgeDays: settings.maxAgeDays,
    logger: context.logger,
  });
  if (!db) {
    // A missing database only warns (a fresh machine); one that exists but cannot be read is
    // an input error, like an unparsable lockfile.
    if (existsSync(dbPath)) {
      context.reportProblem({ path: dbPath, message: 'the advisory database cannot be read' });
    }
    return;
  }

  const ignores = ignoreList(
    settings.ignore,
    context.logger,
    new Date().toISOString().slice(0, 10),
  );
  try {
    for (const file of lockfiles) {
      if (context.signal.aborted) return;
      const result = await readLockfile(context, file);
      if (result) yield* findingsOf(result, db, ignores, context);
      context.progress.tick();
    }
    ignores.reportUnused(context.logger);
  } finally {
    db.close();
  }
}

/** Parse one lockfile; a parse error is logged with file:line, counted, and skipped. */
async function readLockfile(
  context: ScanContext,
  file: ScanFile,
): Promise<LockfileResult | undefined> {
  const text = await context.readText(file);
  if (text === undefined) return undefined;
  const readSibling = (relative: string): string | undefined => {
    try {
      return readFileSync(join(dirname(file.absPath), relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  try {
    return parseLockfile(file.path, text, readSibling);
  } catch (error) {
    if (!(error instanceof BulwarkError) || error.kind !== 'input') throw error;
    context.reportProblem({ path: file.path, line: error.where?.line, message: error.message });
    const where = error.where ? formatPosition(error.where) : file.path;
    context.logger.warn(`${where}: lockfile not checked: ${error.message}`, { path: file.path });
    return undefined;
  }
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
