import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importAdvisories, readSource, readZip } from '../../src/advisories/index.js';
import { MAX_ENTRY_BYTES } from '../../src/advisories/sources.js';
import { BulwarkError } from '../../src/core/errors.js';
import { shared } from '../helpers/shared.js';

let dir: string;
const MAL = shared('advisories', 'npm-malicious', 'MAL-2025-19413.json');

/** `file:line:column: message | hint` of the error an action throws. */
function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof BulwarkError) return `${error.describe().replace('\n  hint: ', ' | ')}`;
    throw error;
  }
  throw new Error('expected a BulwarkError');
}

/** Import one file into a fresh database and return the ids it holds. */
function importedIds(path: string): string[] {
  const dbPath = join(dir, `${Math.random().toString(36).slice(2)}.db`);
  const report = importAdvisories({ dbPath, files: readSource(path), source: path });
  return Object.keys(report.perEcosystem).length > 0 ? ['imported'] : [];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('advisory sources judged by content', () => {
  it('reads a JSON advisory saved as .txt', () => {
    const path = join(dir, 'advisory.txt');
    writeFileSync(path, readFileSync(MAL));

    expect(readSource(path).map((f) => f.name)).toEqual([path]);
    expect(importedIds(path)).toEqual(['imported']);
  });

  it('reads a JSON advisory that starts with a UTF-8 byte order mark', () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(MAL)]));

    expect(importedIds(path)).toEqual(['imported']);
  });

  it('reads a zip archive whatever its name', () => {
    const path = join(dir, 'export.bin');
    writeFileSync(path, zipSync({ 'MAL.json': readFileSync(MAL) }));

    expect(readSource(path).map((f) => f.name)).toEqual([`${path}:MAL.json`]);
  });

  it('refuses a binary file that is no zip, saying what was expected', () => {
    const path = join(dir, 'random.zip');
    writeFileSync(path, Buffer.from([1, 0, 2, 0, 3]));

    expect(failure(() => readSource(path))).toBe(
      `${path} is neither a zip archive nor an advisory file | expected a folder of OSV files, an OSV all.zip, or one OSV JSON or YAML file`,
    );
  });

  it('refuses text that is no advisory object', () => {
    const path = join(dir, 'readme.txt');
    writeFileSync(path, 'just some words\n');

    expect(failure(() => importedIds(path))).toBe(
      `${path}:1: not an OSV advisory: expected a JSON or YAML object with "id" and "affected" | fix or remove the file, then import again; the existing database was left as it was`,
    );
  });

  it('gives a YAML error its line and column, without a dangling "at line" tail', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      'id: PYSEC-1\naffected:\n  - package: {name: x\n    ecosystem: PyPI\nx: [\n',
    );

    expect(failure(() => importedIds(path))).toBe(
      `${path}:4:5: malformed YAML advisory: Flow map in block collection must be sufficiently indented and end with a } | fix or remove the file, then import again; the existing database was left as it was`,
    );
  });
});

describe('zip archives with oversized entries', () => {
  it('refuses an entry that unpacks beyond the limit before unpacking it', () => {
    const big = new Uint8Array(MAX_ENTRY_BYTES + 1);
    const zip = zipSync({ 'huge.json': big }, { level: 9 });

    expect(zip.length).toBeLessThan(100_000);
    expect(failure(() => readZip('bomb.zip', zip))).toBe(
      'bomb.zip: huge.json unpacks to 33 MB, more than the 32 MB Bulwark accepts | this is not an OSV advisory export; check the source or download it again',
    );
  });

  it('says what a download held when it is not a zip archive', () => {
    const html = new TextEncoder().encode('<html>not found</html>');

    expect(failure(() => readZip('http://mirror/npm/all.zip', html))).toBe(
      'http://mirror/npm/all.zip is not a zip archive (it starts with "<html>not found<") | an OSV export serves one all.zip per ecosystem; check the URL or download it again',
    );
  });
});
