import { createHash } from 'node:crypto';

import type { Logger } from 'pino';

import { SingleFlight } from './single-flight.js';
import { SizedLru } from './lru.js';
import type { BlobStore } from './store/types.js';
import type { RedirectAllowed, UpstreamClient } from './upstream.js';
import { redactUrls } from './url-redact.js';

/** The digest a file must have, from registry metadata. */
export interface ExpectedDigest {
  algorithm: 'sha512' | 'sha256' | 'sha1';
  hex: string;
}

/** A downloaded file did not match the digest its registry metadata promised. */
export class IntegrityError extends Error {
  constructor(
    readonly url: string,
    readonly expected: ExpectedDigest,
    readonly actual: string,
  ) {
    super(
      `integrity mismatch for ${redactUrls(url)}: expected ${expected.algorithm} ${expected.hex.slice(0, 16)}…, got ${actual.slice(0, 16)}…`,
    );
    this.name = 'IntegrityError';
  }
}

/** Keys already worked out, per digest object: the key is built once, not on every request. */
const keys = new WeakMap<ExpectedDigest, string>();

/** The cache and blob-store key of a digest: `<algorithm>-<hex>`. */
export function digestKey(expected: ExpectedDigest): string {
  let key = keys.get(expected);
  if (key === undefined) {
    key = `${expected.algorithm}-${expected.hex}`;
    keys.set(expected, key);
  }
  return key;
}

/** The strongest digest in an npm `dist.integrity` (SRI) string, else `dist.shasum`. */
export function npmDigest(
  integrity: string | undefined,
  shasum: string | undefined,
): ExpectedDigest | undefined {
  const parts = (integrity ?? '').split(/\s+/).filter((p) => p.length > 0);
  for (const algorithm of ['sha512', 'sha256', 'sha1'] as const) {
    const part = parts.find((p) => p.startsWith(`${algorithm}-`));
    if (!part) continue;
    const hex = Buffer.from(part.slice(algorithm.length + 1).split('?')[0], 'base64').toString(
      'hex',
    );
    if (hex.length >= 40) return { algorithm, hex };
  }
  if (shasum && /^[0-9a-f]{40}$/i.test(shasum))
    return { algorithm: 'sha1', hex: shasum.toLowerCase() };
  return undefined;
}

/** A file's bytes and whether they came from a cache. */
export interface FetchedFile {
  data: Buffer;
  cached: boolean;
}

/**
 * Files fetched once from the upstream, checked against their digest, and kept by digest:
 * small ones in memory, all of them in the blob store. Concurrent requests for the same
 * uncached file share one upstream fetch.
 */
export class VerifiedFiles {
  private readonly memory: SizedLru<Buffer>;
  private readonly flights = new SingleFlight<FetchedFile>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly upstream: UpstreamClient,
    memoryBytes: number,
    private readonly maxFileBytes: number,
    private readonly log?: Logger,
  ) {
    this.memory = new SizedLru(memoryBytes);
  }

  /** The verified bytes when memory holds them, without awaiting; else undefined (use `get`). */
  inMemory(expected: ExpectedDigest): Buffer | undefined {
    return this.memory.get(digestKey(expected));
  }

  /** The verified bytes of the file at `url`; throws IntegrityError on a mismatch. */
  async get(
    url: string,
    expected: ExpectedDigest,
    allowRedirect?: RedirectAllowed,
  ): Promise<FetchedFile> {
    const key = digestKey(expected);
    const hot = this.memory.get(key);
    if (hot) return { data: hot, cached: true };
    return this.flights.run(key, async () => {
      const stored = await this.blobs.get(key);
      if (stored) {
        // A blob on disk may have been changed since it was written: its name is its digest,
        // so it is checked before it is served, and a damaged one is fetched again.
        const actual = createHash(expected.algorithm).update(stored).digest('hex');
        if (actual === expected.hex) {
          this.remember(key, stored);
          return { data: stored, cached: true };
        }
        const path = this.blobs.where(key);
        this.log?.warn(
          { path, expected: `${expected.algorithm}-${expected.hex.slice(0, 16)}…` },
          `stored file ${path} does not match its digest; deleted it and fetching it again from the upstream`,
        );
        await this.blobs.delete(key);
      }
      const data = await this.upstream.file(url, this.maxFileBytes, allowRedirect);
      const actual = createHash(expected.algorithm).update(data).digest('hex');
      if (actual !== expected.hex) throw new IntegrityError(url, expected, actual);
      await this.blobs.put(key, data);
      this.remember(key, data);
      return { data, cached: false };
    });
  }

  private remember(key: string, data: Buffer): void {
    // Only files up to 4 MiB are held in memory; larger ones are read from disk each time.
    if (data.length <= 4 * 1024 * 1024) this.memory.set(key, data, data.length);
  }
}
