import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { zipSync } from 'fflate';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  importAdvisories,
  openAdvisoryDb,
  readSource,
  type AdvisoryDb,
  type ImportReport,
} from '../../src/advisories/index.js';
import { BulwarkError } from '../../src/core/errors.js';
import { shared } from '../helpers/shared.js';

const NPM_FOLDERS = ['npm-ghsa', 'npm-malicious', 'npm-legacy'];

function npmFiles() {
  return NPM_FOLDERS.flatMap((folder) => readSource(shared('advisories', folder)));
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('db import of the npm advisories', () => {
  let dir: string;
  let dbPath: string;
  let report: ImportReport;
  let db: AdvisoryDb;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-import-'));
    dbPath = join(dir, 'nested', 'advisories.db');
    report = importAdvisories({
      dbPath,
      files: npmFiles(),
      source: 'test',
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    db = openAdvisoryDb(dbPath);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports counts per ecosystem and what it set aside', () => {
    // npm-legacy holds 467 records, index.json and LICENSE.md (not an advisory file).
    expect(report.files).toBe(83 + 15 + 468);
    expect(report.withdrawn).toBe(1);
    expect(report.legacyConverted).toBe(467);
    // word-wrap's ecosystem and node-fetch's `introduced: "1.0"` (see corrections.ts).
    expect(report.corrected).toBe(2);
    expect(report.perEcosystem).toEqual({ npm: 564, Maven: 2, NuGet: 4, RubyGems: 1 });
    expect(db.status(new Date('2026-01-09T12:00:00Z'))).toMatchObject({
      advisories: 564,
      importedAt: '2026-01-01T00:00:00.000Z',
      ageDays: 8,
    });
  });

  it('is idempotent: a second import of the same files changes nothing but the time', () => {
    const again = importAdvisories({
      dbPath,
      files: npmFiles(),
      source: 'test',
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    expect(again.perEcosystem).toEqual(report.perEcosystem);
    const reopened = openAdvisoryDb(dbPath);
    expect(reopened.status().advisories).toBe(564);
    reopened.close();
  });

  it.each([
    [
      'word-wrap under "GitHub Actions" is read as npm',
      'word-wrap',
      '1.2.3',
      'GHSA-j8xg-fqg3-53r7',
      true,
    ],
    ['word-wrap 1.2.4 is the fix', 'word-wrap', '1.2.4', 'GHSA-j8xg-fqg3-53r7', false],
    ['the capitalised "Axios" matches axios', 'axios', '1.6.0', 'GHSA-8hc4-vh64-cxmj', true],
    ['axios before its introduced 1.3.2', 'axios', '1.3.1', 'GHSA-8hc4-vh64-cxmj', false],
    ['node-fetch below the 3.1.1 fix', 'node-fetch', '3.1.0', 'GHSA-r683-j2x4-v87g', true],
    ['node-fetch at the 3.1.1 fix', 'node-fetch', '3.1.1', 'GHSA-r683-j2x4-v87g', false],
    [
      'node-fetch 2.6.7, the 2.x fix, despite `introduced: "1.0"`',
      'node-fetch',
      '2.6.7',
      'GHSA-r683-j2x4-v87g',
      false,
    ],
    [
      'node-fetch 3.0.0 where the 3.x range opens',
      'node-fetch',
      '3.0.0',
      'GHSA-r683-j2x4-v87g',
      true,
    ],
    ['node-fetch 2.6.6 below the 2.x fix', 'node-fetch', '2.6.6', 'GHSA-r683-j2x4-v87g', true],
    ['the withdrawn GHSA-27h2-hvpr-p74q', 'jsonwebtoken', '8.5.1', 'GHSA-27h2-hvpr-p74q', false],
    ['its live sibling GHSA-8cf7-32gw-wr33', 'jsonwebtoken', '8.5.1', 'GHSA-8cf7-32gw-wr33', true],
  ])('%s', (_name, pkg, version, id, affected) => {
    const ids = db.match('npm', pkg, version).flatMap((v) => v.ids);
    expect(ids.includes(id)).toBe(affected);
  });

  it('splits `"fixed": "7.2.4, 6.11.4"` into one interval per release line', () => {
    const affected = ['6.10.0', '6.11.3', '6.11.4', '6.12.0', '7.0.0', '7.2.3', '7.2.4'].map((v) =>
      db.match('npm', 'protobufjs', v).some((x) => x.id === 'GHSA-h755-8qp9-cq85'),
    );
    expect(affected).toEqual([true, true, false, false, true, true, false]);
  });

  it('converts a legacy record: id, CVE alias, range and fix', () => {
    const [bassmaster] = db.match('npm', 'bassmaster', '1.5.1');
    expect(bassmaster).toMatchObject({
      id: 'NSP-1',
      ids: ['NSP-1', 'CVE-2014-7205'],
      fixed: ['1.5.2'],
      severity: { level: 'medium', score: 6.5, source: 'cvss-v3' },
    });
    expect(db.match('npm', 'bassmaster', '1.5.2')).toEqual([]);
  });

  it('keeps non-npm entries of GHSA files under their own ecosystem', () => {
    const ecosystems = db.advisoriesFor('npm', 'lodash').length;
    expect(ecosystems).toBeGreaterThan(0);
    expect(db.advisoriesFor('npm', 'LODASH').length).toBe(ecosystems);
  });
});

describe('a failed import leaves the old database intact', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-import-fail-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'bad.json',
      '{\n  "id": "GHSA-x",\n  "affected": [\n    {"package": }\n  ]\n}\n',
      4,
      /malformed JSON/,
    ],
    [
      'bad.yaml',
      'id: PYSEC-1\naffected:\n- package:\n    name: x\n    ecosystem: PyPI\n  ranges: nope\n',
      6,
      /affected\.0\.ranges/,
    ],
    ['noid.json', '{\n  "summary": "x"\n}\n', 1, /id/],
  ])('%s is reported with its line', (name, text, line, message) => {
    const dbPath = join(dir, `${name}.db`);
    importAdvisories({
      dbPath,
      files: readSource(shared('advisories', 'npm-malicious')),
      source: 'test',
    });
    const before = digest(dbPath);
    const folder = join(dir, name.replace('.', '-'));
    mkdirSync(folder);
    writeFileSync(join(folder, name), text);

    let caught: unknown;
    try {
      importAdvisories({ dbPath, files: readSource(folder), source: 'test', replace: true });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(BulwarkError);
    const error = caught as BulwarkError;
    expect(error.kind).toBe('input');
    expect(error.where).toEqual({ file: join(folder, name), line });
    expect(error.message).toMatch(message);
    expect(digest(dbPath)).toBe(before);
  });
});

describe('import of entries Bulwark sets aside, and of zip archives', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-import-aside-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const osv = (id: string, affected: unknown[]): string =>
    JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected }, null, 2);

  it('counts GIT ranges, unsupported ecosystems and unorderable versions, and imports the rest', () => {
    const folder = join(dir, 'aside');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'OSV-1.json'),
      osv('OSV-1', [
        {
          package: { ecosystem: 'PyPI', name: 'Example_Pkg' },
          ranges: [
            {
              type: 'GIT',
              repo: 'https://example.test/r.git',
              events: [{ introduced: '0' }, { fixed: 'abc123' }],
            },
            { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] },
            { type: 'ECOSYSTEM', events: [{ introduced: 'not a version' }] },
          ],
        },
        { package: { ecosystem: 'Debian:11', name: 'example' }, ranges: [] },
      ]),
    );
    const dbPath = join(dir, 'aside.db');

    const report = importAdvisories({ dbPath, files: readSource(folder), source: 'test' });

    expect(report).toMatchObject({
      advisories: 1,
      perEcosystem: { PyPI: 1 },
      gitRangesIgnored: 1,
      unsupportedEcosystems: { 'Debian:11': 1 },
    });
    expect(report.warnings).toEqual([
      `${join(folder, 'OSV-1.json')}: OSV-1: PyPI cannot order version "not a version"; range dropped`,
    ]);
    const db = openAdvisoryDb(dbPath);
    expect(db.match('PyPI', 'example.pkg', '1.9').map((v) => v.id)).toEqual(['OSV-1']);
    expect(
      [...db.matchVersions('PyPI', 'example-pkg', ['1.0', '2.0']).entries()].map(([v, hits]) => [
        v,
        hits.length,
      ]),
    ).toEqual([
      ['1.0', 1],
      ['2.0', 0],
    ]);
    db.close();
  });

  it('reads an OSV all.zip archive', () => {
    const zipPath = join(dir, 'all.zip');
    const encoder = new TextEncoder();
    const entries = Object.fromEntries(
      readSource(shared('advisories', 'npm-malicious')).map((f) => [
        basename(f.name),
        encoder.encode(f.text),
      ]),
    );
    writeFileSync(zipPath, zipSync(entries));

    const report = importAdvisories({
      dbPath: join(dir, 'zip.db'),
      files: readSource(zipPath),
      source: 'test',
    });

    expect(report.files).toBe(15);
    expect(report.perEcosystem).toEqual({ npm: 15 });
  });
});
