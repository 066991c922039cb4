import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { unzipSync } from 'fflate';

import { inputError } from '../core/errors.js';

/** One advisory file from a folder or an archive. */
export interface SourceFile {
  /** Path as shown to the user: the file on disk, or `archive.zip:entry.json`. */
  name: string;
  text: string;
}

const ADVISORY_FILE = /\.(json|ya?ml)$/i;

/** The advisory files of a folder (searched recursively), a zip archive, or one file. */
export function readSource(path: string): SourceFile[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw inputError(
      `no advisory folder or zip at ${path}`,
      { file: path },
      'pass a folder of OSV files or an OSV all.zip',
    );
  }
  if (stats.isDirectory()) return readFolder(path);
  if (ADVISORY_FILE.test(path)) return [{ name: path, text: readFileSync(path, 'utf8') }];
  return readZip(path, readFileSync(path));
}

/** The advisory files of a zip archive held in memory. */
export function readZip(name: string, bytes: Uint8Array): SourceFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => ADVISORY_FILE.test(entry.name) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw inputError(`not a readable zip archive: ${reason}`, { file: name }, 'download it again');
  }
  const decoder = new TextDecoder();
  return Object.keys(entries)
    .sort()
    .map((entry) => ({ name: `${name}:${entry}`, text: decoder.decode(entries[entry]) }));
}

function readFolder(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ADVISORY_FILE.test(entry.name)) {
        out.push({ name: full, text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}
