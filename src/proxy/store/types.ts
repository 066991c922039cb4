import type { DecisionKind, ProxyEcosystem, RuleId } from '../policy/types.js';

/** An upstream metadata document (packument or project page) as last fetched. */
export interface MetadataRecord {
  /** The upstream's ETag, for revalidation with If-None-Match. */
  etag?: string;
  /** When it was fetched or last revalidated, in ms since the epoch. */
  fetchedAt: number;
  /** The upstream's body, unmodified. */
  body: Buffer;
}

/** One logged decision: who asked for what, and what the policy did. */
export interface DecisionRecord {
  /** ms since the epoch. */
  time: number;
  /** The client's address and user agent. */
  client: string;
  ecosystem: ProxyEcosystem;
  package: string;
  version: string;
  decision: DecisionKind;
  rule?: RuleId;
  advisory?: string;
  reason?: string;
  /**
   * How many requests the row stands for: identical allowed decisions for one client within a
   * second are folded into one row. Always set on rows read back; 1 when left out of a new row.
   */
  count?: number;
}

/** What a file's contents revealed about one version, kept across restarts. */
export interface LearnedRecord {
  ecosystem: ProxyEcosystem;
  name: string;
  version: string;
  /** The learned facts as JSON. */
  facts: string;
}

/** Filters for reading the decision log. */
export interface DecisionQuery {
  /** Only decisions at or after this time (ms since the epoch). */
  since?: number;
  decision?: DecisionKind;
  /** The package name; a PyPI name matches however it is spelled (PEP 503: case, `-`, `_`, `.`). */
  package?: string;
  limit?: number;
}

/**
 * Metadata and the decision log; SQLite by default, PostgreSQL can fill the same shape.
 * The PostgreSQL and S3-compatible stores are not written yet: the store interfaces exist, and SQLite plus the filesystem are the only implementations.
 */
export interface MetadataStore {
  /**
   * True once SQLite reported the database file damaged (SQLITE_CORRUPT, SQLITE_NOTADB) while
   * running; every operation that hits the damage then throws DamagedStoreError.
   */
  readonly damaged: boolean;
  getMetadata(ecosystem: ProxyEcosystem, name: string): Promise<MetadataRecord | undefined>;
  putMetadata(ecosystem: ProxyEcosystem, name: string, record: MetadataRecord): Promise<void>;
  /** Record that a cached document was revalidated (upstream answered 304). */
  touchMetadata(ecosystem: ProxyEcosystem, name: string, fetchedAt: number): Promise<void>;
  /**
   * Log a decision: blocked and warned ones are written at once, one row each, and committed in
   * batches; identical allowed ones of one client are folded into one row with a count.
   */
  recordDecision(record: DecisionRecord): void;
  /** Write folded and uncommitted decisions now. */
  flush(): Promise<void>;
  /** Newest first. */
  decisions(query: DecisionQuery): Promise<DecisionRecord[]>;
  /** Every fact learned from file contents, to apply again after a restart. */
  learnedFacts(): Promise<LearnedRecord[]>;
  /** Keep what a file revealed about a version, replacing what was kept before. */
  putLearnedFacts(record: LearnedRecord): Promise<void>;
  /**
   * Pin a file's digest (`algorithm-hex`) the first time it is seen, and answer the digest
   * pinned for it, which differs from `digest` when the upstream changed the file since.
   */
  pinDigest(ecosystem: ProxyEcosystem, name: string, file: string, digest: string): Promise<string>;
  close(): Promise<void>;
}

/** Content-addressed blobs (tarballs, wheels); the filesystem by default, S3 can fill the same shape. */
export interface BlobStore {
  /** The blob's bytes, or undefined when it is not stored. */
  get(key: string): Promise<Buffer | undefined>;
  /** Store bytes under a key that is their digest; the write is atomic. */
  put(key: string, data: Buffer): Promise<void>;
  /** Remove a blob (one found damaged); nothing happens when it is not stored. */
  delete(key: string): Promise<void>;
  /** Where the blob is kept, for log lines (a file path, or a bucket and object name). */
  where(key: string): string;
}
