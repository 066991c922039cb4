import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';
import type { Logger } from 'pino';

import { normalizePypiName } from '../policy/typosquat.js';
import type { DecisionKind, ProxyEcosystem, RuleId } from '../policy/types.js';
import { damagedDatabase, DamagedStoreError, isCorruption } from './damaged-storage.js';
import { decisionWriter } from './decision-writer.js';
import type { DecisionQuery, DecisionRecord, LearnedRecord, MetadataStore } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS metadata (
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, etag TEXT, fetched_at INTEGER NOT NULL,
  body BLOB NOT NULL, PRIMARY KEY (ecosystem, name));
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY, time INTEGER NOT NULL, client TEXT NOT NULL, ecosystem TEXT NOT NULL,
  package TEXT NOT NULL, version TEXT NOT NULL, decision TEXT NOT NULL, rule TEXT,
  advisory TEXT, reason TEXT, count INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS decisions_time ON decisions (time);
CREATE TABLE IF NOT EXISTS learned (
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL, facts TEXT NOT NULL,
  PRIMARY KEY (ecosystem, name, version));
CREATE TABLE IF NOT EXISTS pinned_digests (
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, file TEXT NOT NULL, digest TEXT NOT NULL,
  PRIMARY KEY (ecosystem, name, file));
`;

interface DecisionRow {
  time: number;
  client: string;
  ecosystem: string;
  package: string;
  version: string;
  decision: string;
  rule: string | null;
  advisory: string | null;
  reason: string | null;
  count: number;
}

/**
 * Add the decisions' `count` column to a database made before rows were folded; its old rows
 * each stand for one request.
 */
function addCountColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(decisions)').all();
  if (columns.some((c) => c.name === 'count')) return;
  db.exec('ALTER TABLE decisions ADD COLUMN count INTEGER NOT NULL DEFAULT 1');
}

/** Open and set up the database, or throw a message naming the file when it is damaged. */
function openDatabase(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A 4 MiB page cache instead of 16: decisions are appended and rarely read back, so a bigger
    // cache only grows the proxy's memory as the log grows.
    db.pragma('cache_size = -4000');
    db.exec(SCHEMA);
    addCountColumn(db);
    return db;
  } catch (error) {
    db?.close();
    throw damagedDatabase(file, error) ?? error;
  }
}

/**
 * Metadata and decisions in one SQLite file (WAL mode); decisions are written in batches.
 * Damage found while running is logged once to `log`, at error, naming the file and what to do;
 * the store is then marked damaged and the failing operation throws DamagedStoreError.
 */
export function createSqliteMetadataStore(file: string, log?: Logger): MetadataStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  let damaged = false;
  /** The error to throw for `error`: a DamagedStoreError for damage, logged the first time. */
  const failure = (error: unknown): unknown => {
    if (!isCorruption(error)) return error;
    const damage = new DamagedStoreError(
      file,
      error instanceof Error ? error.message : String(error),
    );
    if (!damaged) log?.error({ file }, damage.message);
    damaged = true;
    return damage;
  };
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw failure(error);
    }
  };

  const getMeta = db.prepare<
    [string, string],
    { etag: string | null; fetched_at: number; body: Buffer }
  >('SELECT etag, fetched_at, body FROM metadata WHERE ecosystem = ? AND name = ?');
  const putMeta = db.prepare(
    'INSERT OR REPLACE INTO metadata (ecosystem, name, etag, fetched_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  const touch = db.prepare('UPDATE metadata SET fetched_at = ? WHERE ecosystem = ? AND name = ?');
  // Writes other than decisions commit at once, with the decisions written into the open
  // transaction; folded allowed rows keep waiting for the end of their window.
  const decisions = decisionWriter(db, (error) => {
    const reported = failure(error);
    if (!(reported instanceof DamagedStoreError))
      log?.error({ file, err: String(error) }, 'the decision log could not be written');
  });
  const putLearned = db.prepare(
    'INSERT OR REPLACE INTO learned (ecosystem, name, version, facts) VALUES (?, ?, ?, ?)',
  );
  const allLearned = db.prepare<[], LearnedRecord>(
    'SELECT ecosystem, name, version, facts FROM learned',
  );
  const pin = db.prepare(
    'INSERT OR IGNORE INTO pinned_digests (ecosystem, name, file, digest) VALUES (?, ?, ?, ?)',
  );
  const pinned = db.prepare<[string, string, string], { digest: string }>(
    'SELECT digest FROM pinned_digests WHERE ecosystem = ? AND name = ? AND file = ?',
  );

  return {
    get damaged() {
      return damaged;
    },
    async getMetadata(ecosystem, name) {
      const row = guard(() => getMeta.get(ecosystem, name));
      if (!row) return undefined;
      return { etag: row.etag ?? undefined, fetchedAt: row.fetched_at, body: row.body };
    },
    async putMetadata(ecosystem, name, record) {
      guard(() => {
        putMeta.run(ecosystem, name, record.etag ?? null, record.fetchedAt, record.body);
        decisions.commit();
      });
    },
    async touchMetadata(ecosystem, name, fetchedAt) {
      guard(() => {
        touch.run(fetchedAt, ecosystem, name);
        decisions.commit();
      });
    },
    recordDecision: (record) => guard(() => decisions.push(record)),
    async flush() {
      guard(() => decisions.flush());
    },
    async decisions(query) {
      return guard(() => {
        decisions.flush();
        return readDecisions(db, query);
      });
    },
    async learnedFacts() {
      return guard(() => allLearned.all());
    },
    async putLearnedFacts(record) {
      guard(() => {
        putLearned.run(record.ecosystem, record.name, record.version, record.facts);
        decisions.commit();
      });
    },
    async pinDigest(ecosystem, name, pinnedFile, digest) {
      return guard(() => {
        pin.run(ecosystem, name, pinnedFile, digest);
        decisions.commit();
        return pinned.get(ecosystem, name, pinnedFile)?.digest ?? digest;
      });
    },
    async close() {
      try {
        decisions.flush();
      } catch (error) {
        // Damage is logged already and closing goes on; any other failure is thrown.
        const reported = failure(error);
        if (!(reported instanceof DamagedStoreError)) {
          db.close();
          throw reported;
        }
      }
      db.close();
    },
  };
}

function readDecisions(db: Database.Database, query: DecisionQuery): DecisionRecord[] {
  const where: string[] = [];
  const args: Array<string | number> = [];
  const filter = (clause: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  filter('time >= ?', query.since);
  filter('decision = ?', query.decision);
  if (query.package !== undefined) {
    // PyPI names are stored PEP 503-normalized, so `Django` and `django` find the same rows.
    where.push("(package = ? OR (ecosystem = 'PyPI' AND package = ?))");
    args.push(query.package, normalizePypiName(query.package));
  }
  const sql = `SELECT * FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY time DESC, id DESC LIMIT ?`;
  const rows = db
    .prepare<Array<string | number>, DecisionRow>(sql)
    .all(...args, query.limit ?? 1000);
  return rows.map(toRecord);
}

function toRecord(row: DecisionRow): DecisionRecord {
  const record: DecisionRecord = {
    time: row.time,
    client: row.client,
    ecosystem: row.ecosystem as ProxyEcosystem,
    package: row.package,
    version: row.version,
    decision: row.decision as DecisionKind,
    count: row.count,
  };
  if (row.rule) record.rule = row.rule as RuleId;
  if (row.advisory) record.advisory = row.advisory;
  if (row.reason) record.reason = row.reason;
  return record;
}
