import { unquoteGitPath } from '../../core/git-quoting.js';

/** A commit as `git log --format` describes it. */
export interface CommitInfo {
  hash: string;
  /** Author date, ISO 8601. */
  date: string;
  /** `name <email>`. */
  author: string;
}

/** The lines one commit added to one file, and where they are in that commit's file. */
export interface AddedText {
  commit: CommitInfo;
  path: string;
  text: string;
  /** Pairs (line index in `text`, line number in the file), one per run of adjacent lines. */
  lineRuns: number[];
}

/** Marks a commit header line in the log; patch lines never start with this control byte. */
export const COMMIT_MARK = '\x01';

/** The `--format` that writes the header line the parser reads. */
export const LOG_FORMAT = `--format=${'%x01'}%H%x00%aI%x00%an <%ae>`;

const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;

/** The newline ending a run of added lines: the next line does not start with `+`. */
const RUN_END = /\n(?!\+)/g;

/** Added text of one file is handed on in pieces of at most this many characters. */
const MAX_PIECE = 4 << 20;

/**
 * Reads `git log -p -U0` output line by line and emits the added lines of each file in each
 * commit. It keeps only the file being read: memory does not grow with the history.
 * Removed lines are skipped by counting them from the hunk header, so a removed line that
 * looks like a header (`--- x`) is never misread.
 */
export class HistoryParser {
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  /** Added text so far, as blocks of whole lines. */
  private lines: string[] = [];
  private lineCount = 0;
  private lineRuns: number[] = [];
  /** Whether the next added line continues the current run of lines. */
  private inRun = false;
  private size = 0;
  private nextLine = 0;
  private oldLeft = 0;
  private newLeft = 0;

  constructor(
    private readonly emit: (added: AddedText) => void,
    private readonly onCommit: (commit: CommitInfo) => void = () => undefined,
  ) {}

  /**
   * Feed a piece of the log made of whole lines. Runs of added lines are taken as one block
   * (`+a\n+b` becomes `a\nb` with one replace), which is most of the log's bytes; other
   * lines go through `line`.
   */
  feed(text: string): void {
    let pos = 0;
    while (pos < text.length) {
      if (this.newLeft > 0 && text.charCodeAt(pos) === PLUS) {
        pos = this.addedRun(text, pos);
        continue;
      }
      const nl = text.indexOf('\n', pos);
      const end = nl === -1 ? text.length : nl;
      this.line(text.slice(pos, end));
      pos = end + 1;
    }
  }

  /** Take the run of added lines starting at `pos`; returns where the next line starts. */
  private addedRun(text: string, pos: number): number {
    // One native search for the first line not starting with `+`; the run is usually the
    // rest of the hunk, which the count of lines checks. Otherwise go line by line.
    RUN_END.lastIndex = pos;
    const found = RUN_END.exec(text);
    const end = found === null ? text.length : found.index;
    const raw = text.slice(pos + 1, end);
    const block = raw.replaceAll('\n+', '\n');
    const count = raw.length - block.length + 1;
    if (count > this.newLeft) return this.addedLines(text, pos);

    this.take(block, count);
    return end + 1;
  }

  /** `addedRun` one line at a time, for a run longer than the hunk says. */
  private addedLines(text: string, pos: number): number {
    let end = pos;
    let count = 0;
    let next = pos;
    while (count < this.newLeft && next < text.length && text.charCodeAt(next) === PLUS) {
      const nl = text.indexOf('\n', next);
      end = nl === -1 ? text.length : nl;
      next = end + 1;
      count++;
    }
    this.take(text.slice(pos + 1, end).replaceAll('\n+', '\n'), count);
    return next;
  }

  private take(block: string, count: number): void {
    this.newLeft -= count;
    if (this.path !== undefined) this.addBlock(block, count);
    else this.nextLine += count;
  }

  private addBlock(block: string, count: number): void {
    if (!this.inRun) {
      this.lineRuns.push(this.lineCount, this.nextLine);
      this.inRun = true;
    }
    this.lines.push(block);
    this.lineCount += count;
    this.nextLine += count;
    this.size += block.length;
    if (this.size >= MAX_PIECE) this.emitPiece();
  }

  /** Feed one line of the log, without its newline. */
  line(line: string): void {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      this.hunkLine(line);
      return;
    }
    if (line.startsWith(COMMIT_MARK)) this.startCommit(line);
    else if (line.startsWith('diff --git ')) this.flush(null);
    else if (line.startsWith('+++ ')) this.flush(parsePatchPath(line.slice(4)));
    else if (line.startsWith('@@ ')) this.startHunk(line);
  }

  /** Emit what is left at the end of the log. */
  end(): void {
    this.flush(null);
  }

  private startCommit(line: string): void {
    this.flush(null);
    const [hash, date, author] = line.slice(1).split('\0');
    this.commit = { hash, date: date ?? '', author: author ?? '' };
    this.onCommit(this.commit);
  }

  private startHunk(line: string): void {
    const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!m) return;
    this.oldLeft = m[1] === undefined ? 1 : Number(m[1]);
    this.nextLine = Number(m[2]);
    this.newLeft = m[3] === undefined ? 1 : Number(m[3]);
    this.inRun = false;
  }

  private hunkLine(line: string): void {
    const kind = line.charCodeAt(0);
    if (kind === MINUS) this.oldLeft--;
    else if (kind === PLUS) {
      this.newLeft--;
      if (this.path === undefined) this.nextLine++;
      else this.addBlock(line.slice(1), 1);
    } else if (kind === SPACE) {
      this.oldLeft--;
      this.newLeft--;
      this.nextLine++;
      this.inRun = false;
    }
  }

  /** Hand on the current file's added text, then switch to `next` (null: no file). */
  private flush(next: string | null): void {
    this.emitPiece();
    this.path = next ?? undefined;
  }

  private emitPiece(): void {
    if (this.lines.length > 0 && this.commit && this.path !== undefined) {
      this.emit({
        commit: this.commit,
        path: this.path,
        text: this.lines.join('\n'),
        lineRuns: this.lineRuns,
      });
    }
    this.lines = [];
    this.lineCount = 0;
    this.lineRuns = [];
    this.inRun = false;
    this.size = 0;
  }
}

/** The path from a `+++ b/path` line; null for `/dev/null` (a deleted file). */
export function parsePatchPath(raw: string): string | null {
  const value = raw.replace(/\t$/, '');
  if (value === '/dev/null') return null;
  const unquoted = unquoteGitPath(value);
  return unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
}
