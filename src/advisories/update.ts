import { Agent, request, type Dispatcher } from 'undici';

import { inputError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { importAdvisories } from './import.js';
import type { ImportReport } from './import-report.js';
import { ECOSYSTEMS, type Ecosystem } from './model.js';
import { readZip, type SourceFile } from './sources.js';

/** The public OSV export, used when neither `--base-url` nor `BULWARK_OSV_URL` is set. */
export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Options of `bulwark db update`. */
export interface UpdateOptions {
  dbPath: string;
  /** Root of an OSV export laid out as `<base>/<ecosystem>/all.zip`. */
  baseUrl: string;
  ecosystems?: readonly Ecosystem[];
  logger: Logger;
  now?: () => Date;
}

/** The base URL to download from: the flag, then BULWARK_OSV_URL, then the public export. */
export function osvBaseUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return (flag ?? env.BULWARK_OSV_URL ?? DEFAULT_OSV_URL).replace(/\/+$/, '');
}

/**
 * Download each ecosystem's `all.zip` and import them all into a fresh database that replaces
 * the old one only once every download and every file has been read.
 */
export async function updateAdvisories(options: UpdateOptions): Promise<ImportReport> {
  const files: SourceFile[] = [];
  // A connection pool of its own, closed at the end, so no idle socket outlives the update.
  const agent = new Agent();
  try {
    for (const ecosystem of options.ecosystems ?? ECOSYSTEMS) {
      const url = `${options.baseUrl}/${encodeURIComponent(ecosystem)}/all.zip`;
      const entries = readZip(url, await download(url, agent));
      options.logger.info(`downloaded ${entries.length} advisories`, { ecosystem, url });
      files.push(...entries);
    }
  } finally {
    await agent.close();
  }
  return importAdvisories({
    dbPath: options.dbPath,
    files,
    replace: true,
    source: options.baseUrl,
    now: options.now,
  });
}

/**
 * Download one archive into memory.
 *
 * `bulwark db update` holds each downloaded `all.zip` in memory while importing it.
 */
async function download(url: string, dispatcher: Dispatcher): Promise<Uint8Array> {
  let response;
  try {
    response = await request(url, { dispatcher });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw inputError(`cannot download ${url}: ${reason}`, { file: url }, HINT);
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw inputError(`cannot download ${url}: HTTP ${response.statusCode}`, { file: url }, HINT);
  }
  return new Uint8Array(await response.body.arrayBuffer());
}

const HINT =
  'check the network and --base-url (or BULWARK_OSV_URL); the existing database was kept';
