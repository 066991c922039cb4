import type { Logger } from '../core/logger.js';
import { dbFileKind } from './db-file.js';
import { CREATE_HINT, openAdvisoryDb, type AdvisoryDb } from './store.js';

/** Options for opening the database during a scan. */
export interface ScanDbOptions {
  /** The database file, already resolved from BULWARK_DB, bulwark.yaml or the user cache. */
  path: string;
  /**
   * True when the user named the file (BULWARK_DB or `scanners.deps.db`): a missing or empty
   * file is then a problem, not the normal state of a fresh machine.
   */
  explicit: boolean;
  /** Warn when the last import is older than this. */
  maxAgeDays: number;
  logger: Logger;
  now?: Date;
}

/** The database for a scan, or the problem that stops dependencies from being checked. */
export interface ScanDb {
  db?: AdvisoryDb;
  /** Set when the scan must end with an input error (exit 2). */
  problem?: string;
}

/**
 * Open the advisory database for a scan. A missing or empty default database logs one
 * warning saying how to create it; a missing or empty one the user named, or one that
 * cannot be read, is also returned as a problem. A stale one, or one of unknown age, warns.
 */
export function openAdvisoryDbForScan(options: ScanDbOptions): ScanDb {
  const { path, logger } = options;
  if (dbFileKind(path) === 'missing') {
    logger.warn(`no advisory database at ${path}, dependencies not checked: ${CREATE_HINT}`);
    return options.explicit ? { problem: `no advisory database at ${path}` } : {};
  }
  let db: AdvisoryDb;
  try {
    db = openAdvisoryDb(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`advisory database unreadable, dependencies not checked: ${reason}`);
    return { problem: reason };
  }
  if (db.empty()) {
    db.close();
    logger.warn(
      `advisory database ${path} holds no advisories, dependencies not checked: ${CREATE_HINT}`,
    );
    return options.explicit ? { problem: `advisory database ${path} holds no advisories` } : {};
  }
  const age = db.age(options.now);
  if (age.problem !== undefined) {
    logger.warn(
      `advisory database age unknown: ${age.problem}; refresh it with \`bulwark db update\``,
    );
  } else if (age.days !== undefined && age.days > options.maxAgeDays) {
    logger.warn(`advisory database is ${age.days} days old; refresh it with \`bulwark db update\``);
  }
  return { db };
}
