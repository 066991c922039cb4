import { availableParallelism } from 'node:os';

import { inputError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { isSuppressedInCommit } from '../../core/inline-suppression.js';
import type { HistoryContext } from '../../core/scanner.js';
import {
  countCommits,
  gitLogArgs,
  resolveRange,
  startGitLog,
  type GitLogProcess,
} from './history-git.js';
import { historyIgnore } from './history-ignore.js';
import { OldestSightings } from './history-oldest.js';
import { createHistoryPool } from './history-pool.js';
import { TaskWindow } from './history-window.js';
import { secretsScanOptions } from './options.js';
import { PatchSplitter, type PatchPiece } from './patch-splitter.js';
import type { PatchScanTask } from './scan-patch.js';

/** Bytes of log per piece sent to a worker. */
const PIECE_BYTES = 1 << 20;

/** A commit larger than this is cut at a file boundary instead of being held whole. */
const MAX_HOLD = 16 << 20;

/** History is shared between git processes only when each gets at least this many commits. */
const MIN_SLICE_COMMITS = 500;

/** At most this many git processes read one history. */
const MAX_SLICES = 4;

/** How a history scan divides its work; tests set `slices` to exercise the division. */
export interface HistoryScanOptions {
  rulesDir?: string;
  /**
   * Number of `git log` processes sharing the history (default: one per core, up to four,
   * each with at least 500 commits). On 2 cores, two read 20,000 commits about 7% faster
   * than one, and three are slower again.
   */
  slices?: number;
}

/**
 * Scan the lines each commit in `context.range` added and yield each secret once, at the
 * oldest commit that added it, with that commit's id, author, author date, path and line.
 * A few `git log` processes each read a slice of the history, newest commit first; the main
 * thread cuts their output into pieces at commit boundaries and workers decode, parse and
 * scan them. For each secret the sighting in the oldest commit is kept, so the findings come
 * once the whole history is read. Paths that `ignore:`, `.bulwarkignore` or `allowlist.paths`
 * leave out are not scanned. A sighting that a `bulwark-ignore` comment in its own commit
 * covers does not count as the secret's introduction; a secret seen only so is yielded once,
 * marked suppressed (`markSuppressedInCommit`), for the pipeline to drop and count.
 */
export async function* scanHistory(
  context: HistoryContext,
  scanOptions: HistoryScanOptions = {},
): AsyncGenerator<Finding> {
  const options = await secretsScanOptions(context.config, context.tags, scanOptions.rulesDir);
  if (!options.enabled) return;
  const ignore = historyIgnore(context.root, context.config);
  const task = (bytes: Uint8Array, continued: boolean): PatchScanTask => ({
    key: options.key,
    rulesJson: options.rulesJson,
    options: options.ruleOptions,
    allowPaths: options.allowPaths,
    ignore,
    patch: bytes,
    continued,
  });

  // Each worker gets the rules at once, with no log, and compiles them while git resolves
  // the range, counts its commits and starts.
  const pool = createHistoryPool();
  const warming = Array.from({ length: pool.size }, () => pool.run(task(new Uint8Array(0), false)));
  for (const warm of warming) warm.catch(() => undefined);
  const gits: GitLogProcess[] = [];
  try {
    const revs = resolveRange(context.root, context.range);
    const total = countCommits(context.root, revs);
    context.progress.start('secrets history', total);
    const slices = total > 0 ? slicesOf(total, scanOptions.slices) : [];
    for (const slice of slices) {
      gits.push(startGitLog(context.root, gitLogArgs(revs, slice.skip, slice.count)));
    }
    const oldest = new OldestSightings();
    const suppressed = new OldestSightings();
    const window = new TaskWindow(pool, pool.size * 2, (result, slice, piece) => {
      result.findings.forEach((finding, index) => {
        const sightings = isSuppressedInCommit(finding) ? suppressed : oldest;
        sightings.add(result.keys[index], finding, [slice, piece, index]);
      });
      context.progress.tick(result.commits);
    });
    await Promise.all(
      gits.map((git, slice) =>
        readSlice(git, context.signal, (piece, at) =>
          window.submit(task(piece.bytes, piece.continued), slice, at),
        ),
      ),
    );
    await window.drain();
    await Promise.all(warming);
    await checkExits(gits, context);
    yield* oldest.findings();
    // A secret every commit added with a suppression comment, marked for the pipeline to count.
    yield* suppressed.findings(oldest);
  } finally {
    for (const git of gits) git.stop();
    await pool.close();
    context.progress.done();
  }
}

/** Fail when a git process failed, unless the scan was stopped. */
async function checkExits(gits: GitLogProcess[], context: HistoryContext): Promise<void> {
  for (const git of gits) {
    const code = await git.exited;
    if (code !== 0 && !context.signal.aborted) {
      throw inputError(`git log failed for range "${context.range}": ${git.stderr()}`, {
        file: context.root,
      });
    }
  }
}

/** A slice of the history: commits `skip` to `skip + count` in git's order (no count: all). */
export interface Slice {
  skip: number;
  count?: number;
}

/** Divide `total` commits into equal slices, one per git process. */
export function slicesOf(total: number, wanted?: number): Slice[] {
  const cores = Math.min(MAX_SLICES, availableParallelism());
  const most = Math.max(1, Math.floor(total / MIN_SLICE_COMMITS));
  const slices = Math.max(1, Math.min(wanted ?? Math.min(cores, most), total));
  const start = (i: number): number => Math.floor((i * total) / slices);
  return Array.from({ length: slices }, (_, i) =>
    i === slices - 1 ? { skip: start(i) } : { skip: start(i), count: start(i + 1) - start(i) },
  );
}

/** Cut one git process's output into pieces and hand each on with its number. */
async function readSlice(
  git: GitLogProcess,
  signal: AbortSignal,
  submit: (piece: PatchPiece, number: number) => Promise<void>,
): Promise<void> {
  const splitter = new PatchSplitter(PIECE_BYTES, MAX_HOLD);
  let number = 0;
  for await (const chunk of git.stdout as AsyncIterable<Buffer>) {
    if (signal.aborted) return;
    for (const piece of splitter.push(chunk)) await submit(piece, number++);
  }
  for (const piece of splitter.end()) await submit(piece, number++);
}
