import type Database from 'better-sqlite3';

import { inputError } from '../core/errors.js';
import { dbFileKind, fileError, isAdvisoryDb, openSqlite } from './db-file.js';
import { compileAffected, type CompiledAffected } from './match.js';
import { mergeMatches, type MatchedAdvisory, type Vulnerability } from './merge.js';
import type { Advisory, Ecosystem } from './model.js';
import { normalizeName } from './names.js';
import { SCHEMA_VERSION } from './schema.js';
import { smallestUpgrade } from './upgrade.js';

/** What `bulwark db status` shows. */
export interface DbStatus {
  path: string;
  advisories: number;
  perEcosystem: Record<string, number>;
  importedAt?: string;
  source?: string;
  /** Whole days since the last import; absent when the import date is unknown. */
  ageDays?: number;
  /** Why the age is unknown: the recorded date is not a date, or lies in the future. */
  ageProblem?: string;
  /** Each ecosystem's last import: when and from where. */
  ecosystems: Record<string, { importedAt?: string; source?: string }>;
}

/** The age of a database by its recorded import date, or why it cannot be told. */
export interface DbAge {
  days?: number;
  problem?: string;
}

/** Every vulnerability of one package version and the upgrade that clears them all. */
export interface PackageMatch {
  vulnerabilities: Vulnerability[];
  /** Smallest version above the current one that no known advisory affects. */
  upgradeTo?: string;
}

/** The advisory database, opened for reading. */
export interface AdvisoryDb {
  readonly path: string;
  /** Every advisory naming the package, whatever the version; for checking a packument. */
  advisoriesFor(ecosystem: Ecosystem, name: string): Advisory[];
  /** The merged vulnerabilities affecting one version, with malicious flag, severity, fixes. */
  match(ecosystem: Ecosystem, name: string, version: string): Vulnerability[];
  /** `match` for many versions of one package, such as every version in a packument. */
  matchVersions(
    ecosystem: Ecosystem,
    name: string,
    versions: string[],
  ): Map<string, Vulnerability[]>;
  /** `match` plus the smallest upgrade that clears every advisory of the package. */
  matchPackage(ecosystem: Ecosystem, name: string, version: string): PackageMatch;
  status(now?: Date): DbStatus;
  /** Whole days since the last import, read without counting rows. */
  age(now?: Date): DbAge;
  /** True when the database holds no advisory at all. */
  empty(): boolean;
  close(): void;
}

interface Candidate {
  advisory: Advisory;
  entries: CompiledAffected[];
}

/** Open an advisory database file created by `bulwark db import` or `bulwark db update`. */
export function openAdvisoryDb(path: string): AdvisoryDb {
  const kind = dbFileKind(path);
  if (kind === 'missing') {
    throw inputError(`no advisory database at ${path}`, undefined, CREATE_HINT);
  }
  if (kind === 'directory') {
    throw inputError(`${path} is a directory, not an advisory database`, undefined, CREATE_HINT);
  }
  if (kind !== 'sqlite') {
    throw inputError(`${path} is not a Bulwark advisory database`, undefined, CREATE_HINT);
  }
  const db = openSqlite(path, true);
  try {
    checkLayout(db, path);
    return handle(db, path);
  } catch (error) {
    db.close();
    throw fileError(error, path, 'read');
  }
}

function checkLayout(db: Database.Database, path: string): void {
  if (!isAdvisoryDb(db)) {
    throw inputError(`${path} is not a Bulwark advisory database`, undefined, CREATE_HINT);
  }
  const version = readMeta(db, 'schema_version');
  if (version !== SCHEMA_VERSION) {
    throw inputError(
      `advisory database ${path} has layout ${version ?? 'unknown'}, this Bulwark reads layout ${SCHEMA_VERSION}`,
      undefined,
      CREATE_HINT,
    );
  }
}

function handle(db: Database.Database, path: string): AdvisoryDb {
  const candidates = candidateLoader(db);

  const matched = (ecosystem: Ecosystem, name: string, version: string): MatchedAdvisory[] =>
    candidates(ecosystem, name)
      .filter((c) => c.entries.some((e) => e.affects(version)))
      .map((c) => ({ ...c, fixes: c.entries.flatMap((e) => e.fixesFor(version)) }));

  return {
    path,
    advisoriesFor: (ecosystem, name) => candidates(ecosystem, name).map((c) => c.advisory),
    match: (ecosystem, name, version) => mergeMatches(ecosystem, matched(ecosystem, name, version)),
    matchVersions: (ecosystem, name, versions) =>
      new Map(
        versions.map((v) => [v, mergeMatches(ecosystem, matched(ecosystem, name, v))] as const),
      ),
    matchPackage(ecosystem, name, version) {
      const hits = matched(ecosystem, name, version);
      if (hits.length === 0) return { vulnerabilities: [] };
      const all = candidates(ecosystem, name).flatMap((c) => c.entries);
      return {
        vulnerabilities: mergeMatches(ecosystem, hits),
        upgradeTo: smallestUpgrade(version, all),
      };
    },
    status: (now = new Date()) => readStatus(db, path, now),
    age: (now = new Date()) => ageOf(readMeta(db, 'imported_at'), now),
    empty: () => db.prepare('SELECT 1 FROM advisories LIMIT 1').get() === undefined,
    close: () => db.close(),
  };
}

/**
 * The advisories naming a package, each with its entries for that package compiled, loaded
 * once per package and kept for the life of the handle.
 */
function candidateLoader(
  db: Database.Database,
): (ecosystem: Ecosystem, name: string) => Candidate[] {
  const lookup = db.prepare<[string, string], { body: string }>(
    'SELECT a.body FROM affected f JOIN advisories a ON a.id = f.advisory_id ' +
      'WHERE f.ecosystem = ? AND f.name = ? ORDER BY a.id',
  );
  const namesOf = db.prepare<[string], { name: string }>(
    'SELECT DISTINCT name FROM affected WHERE ecosystem = ?',
  );
  const cache = new Map<string, Candidate[]>();
  // The names each ecosystem has advisories for, loaded once: most locked packages have none,
  // and a set lookup is cheaper than a query for each of them.
  const known = new Map<Ecosystem, Set<string>>();
  const hasAdvisories = (ecosystem: Ecosystem, key: string): boolean => {
    let names = known.get(ecosystem);
    if (!names) {
      names = new Set(namesOf.all(ecosystem).map((row) => row.name));
      known.set(ecosystem, names);
    }
    return names.has(key);
  };

  return (ecosystem, name) => {
    const key = normalizeName(ecosystem, name);
    if (!hasAdvisories(ecosystem, key)) return [];
    const cacheKey = `${ecosystem}\0${key}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const loaded = lookup.all(ecosystem, key).map((row) => {
      const advisory = JSON.parse(row.body) as Advisory;
      const entries = advisory.affected
        .filter((e) => e.ecosystem === ecosystem && normalizeName(ecosystem, e.name) === key)
        .map(compileAffected);
      return { advisory, entries };
    });
    cache.set(cacheKey, loaded);
    return loaded;
  };
}

/** How to create the database, for messages about a missing or outdated one. */
export const CREATE_HINT =
  'create it with `bulwark db import <dir|zip>` (OSV files) or `bulwark db update` (download)';

function readMeta(db: Database.Database, key: string): string | undefined {
  try {
    const row = db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get(key);
    return row?.value;
  } catch {
    return undefined;
  }
}

function readStatus(db: Database.Database, path: string, now: Date): DbStatus {
  const rows = db
    .prepare<[], { ecosystem: string; n: number }>(
      'SELECT ecosystem, COUNT(DISTINCT advisory_id) AS n FROM affected ' +
        'GROUP BY ecosystem ORDER BY ecosystem',
    )
    .all();
  const total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM advisories').get();
  const importedAt = readMeta(db, 'imported_at');
  const age = ageOf(importedAt, now);
  return {
    path,
    advisories: total?.n ?? 0,
    perEcosystem: Object.fromEntries(rows.map((r) => [r.ecosystem, r.n])),
    importedAt,
    source: readMeta(db, 'source'),
    ageDays: age.days,
    ...(age.problem === undefined ? {} : { ageProblem: age.problem }),
    ecosystems: Object.fromEntries(
      rows.map((r) => [
        r.ecosystem,
        {
          importedAt: readMeta(db, `imported_at:${r.ecosystem}`),
          source: readMeta(db, `source:${r.ecosystem}`),
        },
      ]),
    ),
  };
}

/**
 * Whole days since `importedAt`. A value that is not a date, or a date in the future (a
 * wrong clock, a hand-edited file), gives no age and says why instead of a negative count.
 */
export function ageOf(importedAt: string | undefined, now: Date): DbAge {
  if (!importedAt) return { problem: 'the import date is not recorded' };
  const time = Date.parse(importedAt);
  if (Number.isNaN(time)) return { problem: `the import date "${importedAt}" is not a date` };
  if (time > now.getTime() + 86_400_000) {
    return { problem: `the import date ${importedAt} lies in the future` };
  }
  return { days: Math.max(0, Math.floor((now.getTime() - time) / 86_400_000)) };
}
