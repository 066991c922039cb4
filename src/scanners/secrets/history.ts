import { spawn } from 'node:child_process';

import { inputError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { HistoryContext } from '../../core/scanner.js';
import { LOG_FORMAT } from './history-parser.js';
import { secretsScanOptions } from './options.js';
import { PatchSplitter, type PatchPiece } from './patch-splitter.js';
import { createPatchPool, OrderedBatches } from './pool.js';
import type { PatchScanResult, PatchScanTask } from './scan-patch.js';

/**
 * The `git log` arguments. `--reverse` makes git list the oldest commit first, so the first
 * time a secret is seen is the commit that introduced it. git keeps only the list of commit
 * ids to reverse (tens of bytes a commit) and still writes each patch as it goes, so neither
 * process holds the patches. `-U0` leaves out context lines: only added lines are scanned,
 * and `--diff-filter=d` leaves out deleted files, which add none.
 * Merge commits show no patch by default, so a secret merged in is reported at its commit.
 * Lines that a merge commit itself adds (a conflict resolution) are not scanned.
 */
export function gitLogArgs(range: string): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '--reverse',
    '--no-color',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--diff-filter=d',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '-U0',
    '-p',
    LOG_FORMAT,
    range,
    '--',
  ];
}

/** Bytes of log per piece sent to a worker. */
const PIECE_BYTES = 1 << 20;

/** A commit larger than this is cut at a file boundary instead of being held whole. */
const MAX_HOLD = 16 << 20;

/**
 * Scan the lines each commit in `context.range` added and yield each secret once, at the
 * oldest commit that added it, with that commit's id, author, author date, path and line.
 * The main thread only cuts git's output into pieces at commit boundaries; workers decode,
 * parse and scan them, and the results are taken in log order so the first sighting wins.
 */
export async function* scanHistory(
  context: HistoryContext,
  rulesDir?: string,
): AsyncGenerator<Finding> {
  const options = secretsScanOptions(context.config, context.tags, rulesDir);
  if (!options.enabled) return;

  const child = spawn('git', gitLogArgs(context.range), {
    cwd: context.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        inputError(`could not run git: ${error.message}`, { file: context.root }, 'install git'),
      ),
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
  exited.catch(() => undefined);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });

  const seen = new Set<string>();
  const pool = createPatchPool();
  const batches = new OrderedBatches<PatchScanTask, PatchScanResult, null>(pool);
  const splitter = new PatchSplitter(PIECE_BYTES, MAX_HOLD);
  const task = (piece: PatchPiece): PatchScanTask => ({
    key: options.key,
    rulesJson: options.rulesJson,
    options: options.ruleOptions,
    allowPaths: options.allowPaths,
    patch: piece.bytes,
    continued: piece.continued,
  });

  context.progress.start('secrets history');
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (context.signal.aborted) break;
      for (const piece of splitter.push(chunk)) {
        for (const done of await batches.push(task(piece), null))
          yield* report(done.result, seen, context);
      }
    }
    for (const piece of splitter.end()) {
      for (const done of await batches.push(task(piece), null))
        yield* report(done.result, seen, context);
    }
    for (const done of await batches.drain()) yield* report(done.result, seen, context);
    const code = await exited;
    if (code !== 0 && !context.signal.aborted) {
      throw inputError(`git log failed for range "${context.range}": ${stderr.trim()}`, {
        file: context.root,
      });
    }
  } finally {
    if (child.exitCode === null) child.kill();
    await pool.close();
    context.progress.done();
  }
}

function* report(
  result: PatchScanResult,
  seen: Set<string>,
  context: HistoryContext,
): Generator<Finding> {
  for (let i = 0; i < result.findings.length; i++) {
    const key = result.keys[i];
    if (seen.has(key)) continue;
    seen.add(key);
    yield result.findings[i];
  }
  context.progress.tick(result.commits);
}
