/** A newline followed by the commit header mark: where a commit starts in the log. */
const COMMIT_START = Buffer.from('\n\x01');

/** A newline followed by a file header: where a file starts within a commit. */
const FILE_START = Buffer.from('\ndiff --git ');

/** A piece of the log ready for a worker. */
export interface PatchPiece {
  bytes: Buffer;
  /** True when it starts with a repeated header because its commit was cut in two. */
  continued: boolean;
}

/**
 * Cuts the byte stream of `git log -p` into pieces of about `target` bytes that each start
 * at a commit header, so that workers can parse them independently. A commit larger than
 * `maxHold` is cut at a file boundary and the next piece repeats its header; only a single
 * file's patch larger than that is held whole. Each chunk is searched once for boundaries.
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
    // Search the new chunk with the end of the previous one, for marks cut across chunks.
    const tail = this.tail;
    const seen = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    const base = this.size - tail.length;
    this.parts.push(chunk);
    this.size += chunk.length;
    this.tail = Buffer.from(seen.subarray(Math.max(0, seen.length - FILE_START.length + 1)));
    const commit = seen.lastIndexOf(COMMIT_START);
    if (commit !== -1 && base + commit + 1 > this.commitAt) this.commitAt = base + commit + 1;
    const file = seen.lastIndexOf(FILE_START);
    if (file !== -1 && base + file + 1 > this.fileAt) this.fileAt = base + file + 1;
    if (this.size < this.target) return [];

    if (this.commitAt > 0) return [this.take(this.commitAt, false)];
    if (this.size >= this.maxHold && this.fileAt > 0) return [this.take(this.fileAt, true)];
    return [];
  }

  /** The rest of the log. */
  end(): PatchPiece[] {
    return this.size === 0 ? [] : [this.take(this.size, false)];
  }

  /** Hand on the held bytes before `cut`; `inCommit` when the cut falls inside a commit. */
  private take(cut: number, inCommit: boolean): PatchPiece {
    const held = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    const head = held.subarray(0, cut);
    const continued = this.midCommit && this.header !== undefined;
    const bytes = continued && this.header ? Buffer.concat([this.header, head]) : head;
    this.rememberHeader(bytes);

    const rest = held.subarray(cut);
    this.parts = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
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
