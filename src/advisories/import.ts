import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { inputError } from '../core/errors.js';
import { APPLICATION_ID, assertWritableTarget, dbFileKind, fileError } from './db-file.js';
import { emptyReport, bump, type ImportReport } from './import-report.js';
import type { Advisory, Ecosystem } from './model.js';
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
  /** Drop the advisories of these ecosystems first, keeping the others (`db update`). */
  replaceEcosystems?: readonly Ecosystem[];
  /** Recorded in the database's metadata, for `bulwark db status`. */
  source: string;
  /** Clock for the import time; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * Import advisories. Every file is parsed before the database is touched; the new database
 * is written beside the old one and renamed over it, so a failed import leaves the old file
 * as it was. Importing the same files twice gives the same database. An import that would
 * leave no advisory at all fails, since a scan against an empty database finds nothing.
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

  assertWritableTarget(options.dbPath);
  try {
    mkdirSync(dirname(options.dbPath), { recursive: true });
  } catch (error) {
    throw fileError(error, dirname(options.dbPath), 'write');
  }
  const temp = `${options.dbPath}.${process.pid}.tmp`;
  try {
    rmSync(temp, { force: true });
    if (!options.replace && dbFileKind(options.dbPath) === 'sqlite') {
      copyFileSync(options.dbPath, temp);
    }
    writeDatabase(temp, [...advisories.values()], options, report);
    renameSync(temp, options.dbPath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fileError(error, options.dbPath, 'write');
  }
  return report;
}

function writeDatabase(
  path: string,
  advisories: Advisory[],
  options: ImportOptions,
  report: ImportReport,
): void {
  // Failures surface through importAdvisories, which names the database, not this temp file.
  const db = new Database(path);
  try {
    db.exec(SCHEMA_SQL);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.transaction(() => {
      for (const ecosystem of options.replaceEcosystems ?? []) dropEcosystem(db, ecosystem);
      putAdvisories(db, advisories, options.source, report);
      const putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      const when = (options.now ?? (() => new Date()))().toISOString();
      putMeta.run('schema_version', SCHEMA_VERSION);
      putMeta.run('imported_at', when);
      putMeta.run('source', options.source);
      for (const ecosystem of Object.keys(report.perEcosystem)) {
        putMeta.run(`imported_at:${ecosystem}`, when);
        putMeta.run(`source:${ecosystem}`, options.source);
      }
    })();
    report.advisories = advisories.length;
    const total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM advisories').get();
    if ((total?.n ?? 0) === 0) {
      throw inputError(
        `no advisories in ${options.source || '(no source)'}: the database would be empty`,
        { file: options.dbPath },
        'import OSV files (JSON or YAML) or an OSV all.zip that holds advisories; ' +
          'the existing database was left as it was',
      );
    }
  } finally {
    db.close();
  }
}

function putAdvisories(
  db: Database.Database,
  advisories: Advisory[],
  source: string,
  report: ImportReport,
): void {
  const removeRows = db.prepare('DELETE FROM affected WHERE advisory_id = ?');
  const putAdvisory = db.prepare(
    'INSERT OR REPLACE INTO advisories (id, source, body) VALUES (?, ?, ?)',
  );
  const putRow = db.prepare(
    'INSERT OR IGNORE INTO affected (ecosystem, name, advisory_id) VALUES (?, ?, ?)',
  );
  for (const advisory of advisories) {
    removeRows.run(advisory.id);
    putAdvisory.run(advisory.id, source, JSON.stringify(advisory));
    const ecosystems = new Set<string>();
    for (const entry of advisory.affected) {
      putRow.run(entry.ecosystem, normalizeName(entry.ecosystem, entry.name), advisory.id);
      ecosystems.add(entry.ecosystem);
    }
    for (const ecosystem of ecosystems) bump(report.perEcosystem, ecosystem);
  }
}

/** Remove every advisory that names a package of the ecosystem, with its rows and metadata. */
function dropEcosystem(db: Database.Database, ecosystem: Ecosystem): void {
  const ids = 'SELECT advisory_id FROM affected WHERE ecosystem = ?';
  db.prepare(`DELETE FROM affected WHERE advisory_id IN (${ids})`).run(ecosystem);
  db.prepare('DELETE FROM advisories WHERE id NOT IN (SELECT advisory_id FROM affected)').run();
  db.prepare('DELETE FROM meta WHERE key IN (?, ?)').run(
    `imported_at:${ecosystem}`,
    `source:${ecosystem}`,
  );
}
