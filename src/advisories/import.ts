import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { emptyReport, bump, type ImportReport } from './import-report.js';
import type { Advisory } from './model.js';
import { normalizeName } from './names.js';
import { parseAdvisoryFile } from './parse-file.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import type { SourceFile } from './sources.js';

/** Options of one import. */
export interface ImportOptions {
  /** The database file to create or update. */
  dbPath: string;
  /** Advisory files, already read from folders or archives. */
  files: Iterable<SourceFile>;
  /** Start from an empty database instead of adding to the existing one. */
  replace?: boolean;
  /** Recorded in the database's metadata, for `bulwark db status`. */
  source: string;
  /** Clock for the import time; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * Import advisories. Every file is parsed before the database is touched; the new database
 * is written beside the old one and renamed over it, so a failed import leaves the old file
 * as it was. Importing the same files twice gives the same database.
 */
export function importAdvisories(options: ImportOptions): ImportReport {
  const report = emptyReport();
  const advisories = new Map<string, Advisory>();
  for (const file of options.files) {
    report.files++;
    for (const advisory of parseAdvisoryFile(file.name, file.text, report)) {
      advisories.set(advisory.id, advisory);
    }
  }

  report.legacyConverted = [...advisories.keys()].filter((id) => id.startsWith('NSP-')).length;

  mkdirSync(dirname(options.dbPath), { recursive: true });
  const temp = `${options.dbPath}.${process.pid}.tmp`;
  try {
    if (!options.replace && existsSync(options.dbPath)) copyFileSync(options.dbPath, temp);
    else rmSync(temp, { force: true });
    writeDatabase(temp, [...advisories.values()], options, report);
    renameSync(temp, options.dbPath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return report;
}

function writeDatabase(
  path: string,
  advisories: Advisory[],
  options: ImportOptions,
  report: ImportReport,
): void {
  const db = new Database(path);
  try {
    db.exec(SCHEMA_SQL);
    const removeRows = db.prepare('DELETE FROM affected WHERE advisory_id = ?');
    const putAdvisory = db.prepare(
      'INSERT OR REPLACE INTO advisories (id, source, body) VALUES (?, ?, ?)',
    );
    const putRow = db.prepare(
      'INSERT OR IGNORE INTO affected (ecosystem, name, advisory_id) VALUES (?, ?, ?)',
    );
    const putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

    db.transaction(() => {
      for (const advisory of advisories) {
        removeRows.run(advisory.id);
        putAdvisory.run(advisory.id, options.source, JSON.stringify(advisory));
        const ecosystems = new Set<string>();
        for (const entry of advisory.affected) {
          putRow.run(entry.ecosystem, normalizeName(entry.ecosystem, entry.name), advisory.id);
          ecosystems.add(entry.ecosystem);
        }
        for (const ecosystem of ecosystems) bump(report.perEcosystem, ecosystem);
      }
      putMeta.run('schema_version', SCHEMA_VERSION);
      putMeta.run('imported_at', (options.now ?? (() => new Date()))().toISOString());
      putMeta.run('source', options.source);
    })();
    report.advisories = advisories.length;
  } finally {
    db.close();
  }
}
