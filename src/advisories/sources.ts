import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { unzipSync } from 'fflate';

import { BulwarkError, inputError } from '../core/errors.js';
import { errorCode, fileError } from './db-file.js';

/** One advisory file from a folder or an archive. */
export interface SourceFile {
  /** Path as shown to the user: the file on disk, or `archive.zip:entry.json`. */
  name: string;
  text: string;
}

const ADVISORY_FILE = /\.(json|ya?ml)$/i;

/** Largest unpacked size of one archive entry; OSV advisories are a few kilobytes. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

/** Largest unpacked size of all advisory entries of one archive. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

const EXPECTED = 'expected a folder of OSV files, an OSV all.zip, or one OSV JSON or YAML file';

/**
 * The advisory files of a folder (searched recursively), a zip archive, or one file. A single
 * file is judged by its content, not its name: a zip signature makes it an archive, other
 * text an advisory, anything else is refused.
 */
export function readSource(path: string): SourceFile[] {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw fileError(error, path, 'read');
    throw inputError(`no advisory folder or zip at ${path}`, undefined, EXPECTED);
  }
  if (stats.isDirectory()) return readFolder(path);
  const bytes = readBytes(path);
  if (isZip(bytes)) return readZip(path, bytes);
  if (bytes.includes(0)) {
    throw inputError(`${path} is neither a zip archive nor an advisory file`, undefined, EXPECTED);
  }
  return [{ name: path, text: new TextDecoder().decode(bytes) }];
}

/** A local file header, or the end record of an empty archive. */
function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * The advisory files of a zip archive held in memory. Entries are checked against
 * MAX_ENTRY_BYTES and MAX_ARCHIVE_BYTES, by their declared size, before anything is unpacked.
 */
export function readZip(name: string, bytes: Uint8Array): SourceFile[] {
  if (!isZip(bytes)) {
    throw inputError(
      `${name} is not a zip archive (it starts with ${describeStart(bytes)})`,
      undefined,
      'an OSV export serves one all.zip per ecosystem; check the URL or download it again',
    );
  }
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (!ADVISORY_FILE.test(entry.name)) return false;
        total += entry.originalSize;
        if (entry.originalSize > MAX_ENTRY_BYTES)
          throw tooLarge(name, entry.name, entry.originalSize, MAX_ENTRY_BYTES);
        if (total > MAX_ARCHIVE_BYTES)
          throw tooLarge(name, 'all entries', total, MAX_ARCHIVE_BYTES);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof BulwarkError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw inputError(
      `${name} is not a readable zip archive: ${reason}`,
      undefined,
      'download it again',
    );
  }
  const decoder = new TextDecoder();
  return Object.keys(entries)
    .sort()
    .map((entry) => ({ name: `${name}:${entry}`, text: decoder.decode(entries[entry]) }));
}

function tooLarge(archive: string, what: string, size: number, limit: number): BulwarkError {
  const mb = (n: number): string => `${Math.ceil(n / 1024 / 1024)} MB`;
  return inputError(
    `${archive}: ${what} unpacks to ${mb(size)}, more than the ${mb(limit)} Bulwark accepts`,
    undefined,
    'this is not an OSV advisory export; check the source or download it again',
  );
}

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing: it is empty';
  const head = new TextDecoder().decode(bytes.subarray(0, 16)).replace(/[^\x20-\x7e]/g, '.');
  return `"${head}"`;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileError(error, path, 'read');
  }
}

function readFolder(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const decoder = new TextDecoder();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw fileError(error, dir, 'read');
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ADVISORY_FILE.test(entry.name)) {
        out.push({ name: full, text: decoder.decode(readBytes(full)) });
      }
    }
  };
  walk(root);
  return out;
}
