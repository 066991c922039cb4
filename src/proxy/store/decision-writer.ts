import type Database from 'better-sqlite3';

import type { DecisionRecord } from './types.js';

/**
 * How long identical allowed rows are folded into one, in ms: an allowed row of the same client,
 * version, rule, advisory and reason less than this after the first one adds to its count.
 */
export const FOLD_MS = 1000;

/** How many rows inserted since the last commit trigger an immediate commit. */
const BATCH = 256;

/** How many folded rows may wait in memory before they are written early. */
const MAX_FOLDED = 4096;

/** An allowed row waiting for the end of its window, and how many requests it stands for. */
interface Folded {
  record: DecisionRecord;
  count: number;
}

/**
 * Waiting rows by client, package and version, then the few rows of that version (one per
 * rule, advisory and reason). Looked up by the strings the rows already hold rather than by one
 * joined key: a package's name and version are long-lived strings whose hashes V8 keeps, so
 * the lookups cost no string building.
 */
type FoldedRows = Map<string, Map<string, Map<string, Folded[]>>>;

/** True when a waiting row and a new one differ only in time. */
function sameKind(a: DecisionRecord, b: DecisionRecord): boolean {
  return (
    a.ecosystem === b.ecosystem &&
    a.rule === b.rule &&
    a.advisory === b.advisory &&
    a.reason === b.reason
  );
}

/** The list of waiting rows for a row's client, package and version, made when missing. */
function rowsFor(folded: FoldedRows, r: DecisionRecord): Folded[] {
  let byPackage = folded.get(r.client);
  if (!byPackage) folded.set(r.client, (byPackage = new Map()));
  let byVersion = byPackage.get(r.package);
  if (!byVersion) byPackage.set(r.package, (byVersion = new Map()));
  let rows = byVersion.get(r.version);
  if (!rows) byVersion.set(r.version, (rows = []));
  return rows;
}

/** What the store writes decisions through. */
export interface DecisionWriter {
  push(record: DecisionRecord): void;
  /** Commit the rows written so far, and any other write made in the open transaction. */
  commit(): void;
  /** Write the folded rows now and commit everything. */
  flush(): void;
}

/**
 * The decision log's writes. Blocked and warned decisions are inserted one row each, at once,
 * inside a transaction committed every BATCH rows or 200 ms. Allowed decisions are folded: the
 * first of a kind waits in memory for FOLD_MS, identical ones in that window only add to its
 * count, and at the window's end every waiting row is inserted and committed in one
 * transaction. A warm proxy answering the same version to the same client many times a second
 * thus writes one row a second for it instead of one per request.
 */
export function decisionWriter(
  db: Database.Database,
  onTimerError: (error: unknown) => void = (error) => {
    throw error;
  },
): DecisionWriter {
  // Positional parameters: binding by name costs about twice as much per row.
  const insert = db.prepare(
    `INSERT INTO decisions (time, client, ecosystem, package, version, decision, rule, advisory, reason, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const begin = db.prepare('BEGIN');
  const commitStatement = db.prepare('COMMIT');
  const folded: FoldedRows = new Map();
  let waiting = 0;
  let uncommitted = 0;
  let commitTimer: NodeJS.Timeout | undefined;
  let foldTimer: NodeJS.Timeout | undefined;

  const commit = (): void => {
    if (commitTimer) clearTimeout(commitTimer);
    commitTimer = undefined;
    uncommitted = 0;
    if (db.inTransaction) commitStatement.run();
  };
  const write = (r: DecisionRecord, count: number): void => {
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
      count,
    );
    uncommitted++;
  };
  const flush = (): void => {
    if (foldTimer) clearTimeout(foldTimer);
    foldTimer = undefined;
    for (const byPackage of folded.values())
      for (const byVersion of byPackage.values())
        for (const rows of byVersion.values())
          for (const { record, count } of rows) write(record, count);
    folded.clear();
    waiting = 0;
    commit();
  };

  // A timer's write that fails is reported rather than thrown where nothing can catch it.
  const guarded =
    (run: () => void) =>
    (): void => {
      try {
        run();
      } catch (error) {
        onTimerError(error);
      }
    };
  const timedCommit = guarded(() => commit());
  const timedFlush = guarded(() => flush());

  return {
    push(r) {
      if (r.decision !== 'allowed') {
        write(r, r.count ?? 1);
        if (uncommitted >= BATCH) commit();
        else commitTimer ??= setTimeout(timedCommit, 200).unref();
        return;
      }
      const rows = rowsFor(folded, r);
      const index = rows.findIndex((row) => sameKind(row.record, r));
      const same = index === -1 ? undefined : rows[index];
      if (same) {
        const since = r.time - same.record.time;
        if (since >= 0 && since < FOLD_MS) {
          same.count += r.count ?? 1;
          return;
        }
        // Outside the window (a clock that jumped, or a timer that has not fired yet): the
        // waiting row is written as it is and this one takes its place.
        write(same.record, same.count);
        rows[index] = { record: r, count: r.count ?? 1 };
        return;
      }
      rows.push({ record: r, count: r.count ?? 1 });
      if (++waiting >= MAX_FOLDED) flush();
      else foldTimer ??= setTimeout(timedFlush, FOLD_MS).unref();
    },
    commit,
    flush,
  };
}
