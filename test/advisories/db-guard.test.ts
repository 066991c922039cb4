import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  APPLICATION_ID,
  importAdvisories,
  openAdvisoryDb,
  readSource,
  type SourceFile,
} from '../../src/advisories/index.js';
import { BulwarkError } from '../../src/core/errors.js';
import { shared } from '../helpers/shared.js';

let dir: string;
let files: SourceFile[];

/** The error an action throws, as `message | hint`, failing the test when it throws none. */
function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof BulwarkError) return `${error.message} | ${error.hint ?? ''}`;
    throw error;
  }
  throw new Error('expected a BulwarkError');
}

const PICK = 'pass --db (or BULWARK_DB) a new file name or an existing Bulwark advisory database';
const KEPT = 'choose a writable location with --db (or BULWARK_DB); the existing database was kept';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-db-guard-'));
  files = readSource(shared('advisories', 'npm-malicious'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what db import refuses to write over', () => {
  it('marks its databases with PRAGMA application_id', () => {
    const dbPath = join(dir, 'ours.db');
    importAdvisories({ dbPath, files, source: 'test' });

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it.each([false, true])('leaves a text file as it was (replace: %s)', (replace) => {
    const path = join(dir, `notes-${String(replace)}.txt`);
    writeFileSync(path, 'my notes\n');

    expect(failure(() => importAdvisories({ dbPath: path, files, replace, source: 't' }))).toBe(
      `${path} is not a Bulwark advisory database; refusing to overwrite it | ${PICK}`,
    );
    expect(readFileSync(path, 'utf8')).toBe('my notes\n');
  });

  it.each([false, true])(
    "leaves another program's SQLite file as it was (replace: %s)",
    (replace) => {
      const path = join(dir, `other-${String(replace)}.sqlite`);
      const other = new Database(path);
      other.exec("CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada');");
      other.close();

      expect(failure(() => importAdvisories({ dbPath: path, files, replace, source: 't' }))).toBe(
        `${path} is not a Bulwark advisory database; refusing to overwrite it | ${PICK}`,
      );
      const after = new Database(path, { readonly: true });
      const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      expect(tables).toEqual([{ name: 'users' }]);
      after.close();
    },
  );

  it('refuses a directory', () => {
    const path = join(dir, 'a-folder');
    mkdirSync(path);

    expect(failure(() => importAdvisories({ dbPath: path, files, source: 't' }))).toBe(
      `${path} is a directory, not an advisory database file | ${PICK}`,
    );
  });

  it.each([
    [
      'a folder that cannot be created',
      '/sys/bulwark-test/a.db',
      'cannot write /sys/bulwark-test: permission denied',
    ],
    [
      'a file that cannot be opened',
      '/proc/bulwark-test.db',
      'cannot write /proc/bulwark-test.db: unable to open it',
    ],
  ])('turns %s into an input error with a hint', (_name, path, message) => {
    expect(failure(() => importAdvisories({ dbPath: path, files, source: 't' }))).toBe(
      `${message} | ${KEPT}`,
    );
  });

  it('fails an import that would leave no advisory and keeps the old database', () => {
    const dbPath = join(dir, 'kept.db');
    importAdvisories({ dbPath, files, source: 'test' });
    const before = readFileSync(dbPath);
    const nothing = join(dir, 'nothing');
    mkdirSync(nothing);

    expect(
      failure(() =>
        importAdvisories({ dbPath, files: readSource(nothing), replace: true, source: nothing }),
      ),
    ).toBe(
      `no advisories in ${nothing}: the database would be empty | import OSV files (JSON or YAML) ` +
        'or an OSV all.zip that holds advisories; the existing database was left as it was',
    );
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});

describe('what openAdvisoryDb refuses to read', () => {
  const CREATE =
    'create it with `bulwark db import <dir|zip>` (OSV files) or `bulwark db update` (download)';

  it.each([
    ['a text file', 'text.db', 'hello\n', 'is not a Bulwark advisory database'],
    ['an empty file', 'zero.db', '', 'is not a Bulwark advisory database'],
  ])('%s', (_name, file, body, said) => {
    const path = join(dir, file);
    writeFileSync(path, body);

    expect(failure(() => openAdvisoryDb(path))).toBe(`${path} ${said} | ${CREATE}`);
  });

  it('a directory', () => {
    const path = join(dir, 'dir.db');
    mkdirSync(path);

    expect(failure(() => openAdvisoryDb(path))).toBe(
      `${path} is a directory, not an advisory database | ${CREATE}`,
    );
  });

  it("another program's SQLite file", () => {
    const path = join(dir, 'foreign.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();

    expect(failure(() => openAdvisoryDb(path))).toBe(
      `${path} is not a Bulwark advisory database | ${CREATE}`,
    );
  });

  it('a database of another layout', () => {
    const path = join(dir, 'layout.db');
    importAdvisories({ dbPath: path, files, source: 'test' });
    const db = new Database(path);
    db.exec("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
    db.close();

    expect(failure(() => openAdvisoryDb(path))).toBe(
      `advisory database ${path} has layout 0, this Bulwark reads layout 1 | ${CREATE}`,
    );
  });
});
