import { existsSync } from 'node:fs';

import type { Logger } from '../core/logger.js';
import { advisoryDbPath } from './db-path.js';
import { CREATE_HINT, openAdvisoryDb, type AdvisoryDb } from './store.js';

/** Options for opening the database during a scan. */
export interface ScanDbOptions {
  /** The `db` setting of bulwark.yaml, if any. */
  path?: string;
  /** Warn when the last import is older than this. */
  maxAgeDays: number;
  logger: Logger;
  now?: Date;
}

/**
 * Open the advisory database for a scan. When it is missing or unreadable (another layout, not
 * SQLite), log one warning saying how to create it and return undefined so the deps scanner
 * yields nothing; when it is stale, warn.
 */
export function openAdvisoryDbForScan(options: ScanDbOptions): AdvisoryDb | undefined {
  const path = advisoryDbPath(options.path);
  if (!existsSync(path)) {
    options.logger.warn(`no advisory database, dependencies not checked: ${CREATE_HINT}`, { path });
    return undefined;
  }
  let db: AdvisoryDb;
  try {
    db = openAdvisoryDb(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    options.logger.warn(
      `advisory database unreadable, dependencies not checked: ${reason}; ${CREATE_HINT}`,
      { path },
    );
    return undefined;
  }
  const age = db.ageDays(options.now);
  if (age !== undefined && age > options.maxAgeDays) {
    options.logger.warn(
      `advisory database is ${age} days old; refresh it with \`bulwark db update\``,
      { path },
    );
  }
  return db;
}
