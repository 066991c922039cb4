import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import type { DecisionKind, ProxyEcosystem, RuleId } from '../policy/types.js';
import type { DecisionQuery, DecisionRecord, LearnedRecord, MetadataStore } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS metadata (
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, etag TEXT, fetched_at INTEGER NOT NULL,
  body BLOB NOT NULL, PRIMARY KEY (ecosystem, name));
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY, time INTEGER NOT NULL, client TEXT NOT NULL, ecosystem TEXT NOT NULL,
  package TEXT NOT NULL, version TEXT NOT NULL, decision TEXT NOT NULL, rule TEXT,
  advisory TEXT, reason TEXT);
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
}

/** How many queued decisions trigger an immediate write. */
const BATCH = 256;

/** Metadata and decisions in one SQLite file (WAL mode); decisions are written in batches. */
export function createSqliteMetadataStore(file: string): MetadataStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A 4 MiB page cache instead of 16: decisions are appended and rarely read back, so a bigger
  // cache only grows the proxy's memory as the log grows.
  db.pragma('cache_size = -4000');
  db.exec(SCHEMA);

  const getMeta = db.prepare<
    [string, string],
    { etag: string | null; fetched_at: number; body: Buffer }
  >('SELECT etag, fetched_at, body FROM metadata WHERE ecosystem = ? AND name = ?');
  const putMeta = db.prepare(
    'INSERT OR REPLACE INTO metadata (ecosystem, name, etag, fetched_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  const touch = db.prepare('UPDATE metadata SET fetched_at = ? WHERE ecosystem = ? AND name = ?');
  // Writes other than decisions commit at once (with any decisions in the open transaction).
  const decisions = decisionQueue(db);
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
    async getMetadata(ecosystem, name) {
      const row = getMeta.get(ecosystem, name);
      if (!row) return undefined;
      return { etag: row.etag ?? undefined, fetchedAt: row.fetched_at, body: row.body };
    },
    async putMetadata(ecosystem, name, record) {
      putMeta.run(ecosystem, name, record.etag ?? null, record.fetchedAt, record.body);
      decisions.flush();
    },
    async touchMetadata(ecosystem, name, fetchedAt) {
      touch.run(fetchedAt, ecosystem, name);
      decisions.flush();
    },
    recordDecision: (record) => decisions.push(record),
    async flush() {
      decisions.flush();
    },
    async decisions(query) {
      decisions.flush();
      return readDecisions(db, query);
    },
    async learnedFacts() {
      return allLearned.all();
    },
    async putLearnedFacts(record) {
      putLearned.run(record.ecosystem, record.name, record.version, record.facts);
      decisions.flush();
    },
    async pinDigest(ecosystem, name, file, digest) {
      pin.run(ecosystem, name, file, digest);
      decisions.flush();
      return pinned.get(ecosystem, name, file)?.digest ?? digest;
    },
    async close() {
      decisions.flush();
      db.close();
    },
  };
}

/**
 * Decisions written as they come, inside a transaction committed every BATCH rows or 200 ms.
 * Rows go straight into SQLite rather than waiting in a JavaScript queue, so a busy proxy does not
 * keep thousands of short-lived objects alive long enough for the garbage collector to promote
 * them. The store's other writes commit the open transaction straight after themselves.
 */
function decisionQueue(db: Database.Database): { push(r: DecisionRecord): void; flush(): void } {
  // Positional parameters: binding by name costs about twice as much per row.
  const insert = db.prepare(
    `INSERT INTO decisions (time, client, ecosystem, package, version, decision, rule, advisory, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    pending = 0;
    if (db.inTransaction) commit.run();
  };
  return {
    push(r) {
      if (!db.inTransaction) begin.run();
      insert.run(
        r.time,
        r.client,
        r.ecosystem,
        r.package,
        r.version,
        r.decision,
        r.rule ?? null,
        r.advisory ?? null,
        r.reason ?? null,
      );
      pending++;
      if (pending >= BATCH) flush();
      else if (!timer) timer = setTimeout(flush, 200).unref();
    },
    flush,
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
  filter('package = ?', query.package);
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
  };
  if (row.rule) record.rule = row.rule as RuleId;
  if (row.advisory) record.advisory = row.advisory;
  if (row.reason) record.reason = row.reason;
  return record;
}
