/** A newline followed by the commit header mark: where a commit starts in the log. */
const COMMIT_START = Buffer.from('\n\x01');

/** A newline followed by a file header: where a file starts within a commit. */
const FILE_START = Buffer.from('\ndiff --git ');

/** Bytes kept from the end of one chunk to find a mark cut across two chunks. */
const EDGE = FILE_START.length - 1;

/** A piece of the log ready for a worker. */
export interface PatchPiece {
  /** The piece alone in its own ArrayBuffer, so that it can be moved to a worker. */
  bytes: Buffer;
  /** True when it starts with a repeated header because its commit was cut in two. */
  continued: boolean;
}

/**
 * Cuts the byte stream of `git log -p` into pieces of about `target` bytes that each start
 * at a commit header, so that workers can parse them independently. A commit larger than
 * `maxHold` is cut at a file boundary and the next piece repeats its header; only a single
 * file's patch larger than that is held whole. Each chunk is searched once for boundaries
 * and copied once, into its piece.
 */
export class PatchSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  /** Offsets in the held bytes of the last commit start and the last file start, or -1. */
  private commitAt = -1;
  private fileAt = -1;
  /** The header line of the commit the held bytes belong to. */
  private header: Buffer | undefined;
  private midCommit = false;
  /** The last bytes held, shorter than a mark. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly target: number,
    private readonly maxHold: number,
  ) {}

  /** Add a chunk; returns the piece now complete, if any. */
  push(chunk: Buffer): PatchPiece[] {
    const base = this.size;
    if (this.tail.length > 0) {
      // Marks that start in the previous chunk and end in this one.
      const edge = Buffer.concat([this.tail, chunk.subarray(0, EDGE)]);
      this.markAt(edge, base - this.tail.length);
    }
    this.markAt(chunk, base);
    this.parts.push(chunk);
    this.size += chunk.length;
    this.tail =
      chunk.length >= EDGE
        ? chunk.subarray(chunk.length - EDGE)
        : Buffer.concat([this.tail, chunk]).subarray(-EDGE);
    if (this.size < this.target) return [];

    if (this.commitAt > 0) return [this.take(this.commitAt, false)];
    if (this.size >= this.maxHold && this.fileAt > 0) return [this.take(this.fileAt, true)];
    return [];
  }

  /** The rest of the log. */
  end(): PatchPiece[] {
    return this.size === 0 ? [] : [this.take(this.size, false)];
  }

  /** Note the last commit and file starts in `bytes`, which begin at `offset` in the held bytes. */
  private markAt(bytes: Buffer, offset: number): void {
    const commit = bytes.lastIndexOf(COMMIT_START);
    if (commit !== -1) this.commitAt = Math.max(this.commitAt, offset + commit + 1);
    const file = bytes.lastIndexOf(FILE_START);
    if (file !== -1) this.fileAt = Math.max(this.fileAt, offset + file + 1);
  }

  /** Hand on the held bytes before `cut`; `inCommit` when the cut falls inside a commit. */
  private take(cut: number, inCommit: boolean): PatchPiece {
    const header = this.midCommit ? this.header : undefined;
    const continued = header !== undefined;
    const bytes = Buffer.allocUnsafeSlow((header?.length ?? 0) + cut);
    let at = header ? header.copy(bytes) : 0;
    let taken = 0;
    while (taken < cut) {
      const part = this.parts[0];
      const used = Math.min(part.length, cut - taken);
      at += part.copy(bytes, at, 0, used);
      taken += used;
      if (used === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(used);
    }
    this.rememberHeader(bytes);
    this.size -= cut;
    this.fileAt = this.fileAt > cut ? this.fileAt - cut : -1;
    this.commitAt = -1;
    this.midCommit = inCommit;
    return { bytes, continued };
  }

  /** Keep the last commit header line of `bytes`, with its newline. */
  private rememberHeader(bytes: Buffer): void {
    const at = bytes.lastIndexOf(COMMIT_START);
    const start = at !== -1 ? at + 1 : bytes[0] === 0x01 ? 0 : -1;
    if (start === -1) return;
    const end = bytes.indexOf(0x0a, start);
    this.header = Buffer.from(bytes.subarray(start, end === -1 ? bytes.length : end + 1));
  }
}
