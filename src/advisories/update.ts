import { Agent, interceptors, request, type Dispatcher } from 'undici';

import { BulwarkError, inputError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { errorCode } from './db-file.js';
import { importAdvisories } from './import.js';
import type { ImportReport } from './import-report.js';
import { ECOSYSTEMS, type Ecosystem } from './model.js';
import { readZip, type SourceFile } from './sources.js';

/** The public OSV export, used when neither `--base-url` nor `BULWARK_OSV_URL` is set. */
export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Seconds to wait for response headers, and for each piece of the body, by default. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** Redirects followed per download (a mirror behind a CDN may redirect once or twice). */
export const MAX_REDIRECTS = 5;

/** Called while a download runs: bytes received, and the total when the server gave it. */
export type DownloadProgress = (ecosystem: Ecosystem, received: number, total?: number) => void;

/** Options of `bulwark db update`. */
export interface UpdateOptions {
  dbPath: string;
  /** Root of an OSV export laid out as `<base>/<ecosystem>/all.zip`. */
  baseUrl: string;
  /**
   * The ecosystems to download. When given, only their advisories are replaced and the
   * others in the database are kept; when absent, every ecosystem is downloaded and the
   * database is replaced whole.
   */
  ecosystems?: readonly Ecosystem[];
  /** Seconds to wait for headers and between pieces of the body (default 60). */
  timeoutSeconds?: number;
  onProgress?: DownloadProgress;
  logger: Logger;
  now?: () => Date;
}

/** The base URL to download from: the flag, then BULWARK_OSV_URL, then the public export. */
export function osvBaseUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return (flag ?? env.BULWARK_OSV_URL ?? DEFAULT_OSV_URL).replace(/\/+$/, '');
}

/**
 * Download each ecosystem's `all.zip` and import them into the database, which is replaced
 * only once every download and every file has been read.
 */
export async function updateAdvisories(options: UpdateOptions): Promise<ImportReport> {
  const ecosystems = options.ecosystems ?? ECOSYSTEMS;
  if (ecosystems.length === 0) {
    throw inputError('no ecosystem to update', undefined, `name some of ${ECOSYSTEMS.join(', ')}`);
  }
  const timeout = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const files: SourceFile[] = [];
  // A connection pool of its own, closed at the end, so no idle socket outlives the update.
  const agent = new Agent({ headersTimeout: timeout, bodyTimeout: timeout });
  const dispatcher = agent.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
  try {
    for (const ecosystem of ecosystems) {
      const url = `${options.baseUrl}/${encodeURIComponent(ecosystem)}/all.zip`;
      const report = (received: number, total?: number): void =>
        options.onProgress?.(ecosystem, received, total);
      const entries = readZip(url, await download(url, dispatcher, timeout, report));
      if (entries.length === 0) {
        throw inputError(`${url} holds no advisories`, undefined, EMPTY_HINT);
      }
      options.logger.info(`downloaded ${entries.length} advisories`, { ecosystem, url });
      files.push(...entries);
    }
  } finally {
    await agent.close();
  }
  return importAdvisories({
    dbPath: options.dbPath,
    files,
    ...(options.ecosystems ? { replaceEcosystems: options.ecosystems } : { replace: true }),
    source: options.baseUrl,
    now: options.now,
  });
}

/**
 * Download one archive into memory, failing with an input error (never a stack trace) when
 * the server cannot be reached, answers with another status, stalls, or cuts the body short.
 *
 * `bulwark db update` holds each downloaded `all.zip` in memory while importing it.
 */
async function download(
  url: string,
  dispatcher: Dispatcher,
  timeout: number,
  onProgress: (received: number, total?: number) => void,
): Promise<Uint8Array> {
  try {
    const response = await request(url, { dispatcher });
    if (response.statusCode !== 200) {
      await response.body.dump();
      const status = `HTTP ${response.statusCode}`;
      const why =
        response.statusCode >= 300 && response.statusCode < 400
          ? `${status} after ${MAX_REDIRECTS} redirects`
          : status;
      throw inputError(`cannot download ${url}: ${why}`, undefined, HINT);
    }
    const length = Number(response.headers['content-length']);
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      const piece = chunk as Buffer;
      chunks.push(piece);
      received += piece.length;
      onProgress(received, total);
    }
    return new Uint8Array(Buffer.concat(chunks, received));
  } catch (error) {
    if (error instanceof BulwarkError) throw error;
    throw inputError(`cannot download ${url}: ${reasonOf(error, timeout)}`, undefined, HINT);
  }
}

/** A network failure in words, without undici's class names. */
function reasonOf(error: unknown, timeout: number): string {
  const seconds = `${timeout / 1000} s`;
  switch (errorCode(error)) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `the server sent no response within ${seconds} (--timeout)`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `the download stalled: no data for ${seconds} (--timeout)`;
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_SOCKET':
      return 'the connection closed before the whole file arrived';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const HINT =
  'check the network, --base-url (or BULWARK_OSV_URL) and --timeout; the existing database was kept';

const EMPTY_HINT =
  'the mirror serves an empty archive; check --base-url (or BULWARK_OSV_URL); the existing database was kept';
