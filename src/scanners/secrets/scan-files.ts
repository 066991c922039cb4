import type { Finding } from '../../core/finding.js';
import { defaultPoolSize } from '../../core/worker-pool.js';
import type { ScanContext, ScanFile } from '../../core/scanner.js';
import { secretsScanOptions } from './options.js';
import { createFilePool, OrderedBatches } from './pool.js';
import { wantsPath } from './paths.js';
import type { SecretsScanItem, SecretsScanResult, SecretsScanTask } from './scan-batch.js';

/** A batch holds files up to about this many bytes, so each worker message is worth sending. */
const BATCH_BYTES = 1 << 20;

/** And at most this many files. */
const BATCH_FILES = 256;

/** Scan the context's files on worker threads and yield their findings in file order. */
export async function* scanFiles(context: ScanContext, rulesDir?: string): AsyncGenerator<Finding> {
  const options = secretsScanOptions(context.config, context.tags, rulesDir);
  if (!options.enabled) return;
  const files = context.files.filter((f) => wantsPath(f.path) && !options.pathAllowed(f.path));

  context.progress.start('secrets', files.length);
  // Small scans (a pre-commit hook's few files) run on this thread: starting workers and
  // compiling the rules in each would cost more than the scan.
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const rules = { key: options.key, rulesJson: options.rulesJson, options: options.ruleOptions };
  const pool = createFilePool(Math.min(defaultPoolSize(), Math.ceil(bytes / BATCH_BYTES)), rules);
  // Threads got the rules when they started; an in-process pool gets them with each task.
  const withRules = pool.size === 1 ? rules : {};
  const batches = new OrderedBatches<SecretsScanTask, SecretsScanResult, number>(pool);
  try {
    for (const group of groupFiles(files)) {
      if (context.signal.aborted) break;
      const staged = group.some((file) => file.source !== 'worktree');
      const items = staged
        ? await Promise.all(group.map((file) => toItem(file, context)))
        : group.map((file) => ({ path: file.path, absPath: file.absPath }));
      const task: SecretsScanTask = { ...withRules, items };
      for (const done of await batches.push(task, group.length)) yield* report(done, context);
    }
    for (const done of await batches.drain()) yield* report(done, context);
  } finally {
    await pool.close();
    context.progress.done();
  }
}

function* report(
  done: { result: SecretsScanResult; tag: number },
  context: ScanContext,
): Generator<Finding> {
  for (const entry of done.result.unreadable) {
    context.reportProblem({
      path: entry.path,
      message: `could not read the file (${entry.reason})`,
    });
  }
  for (const entry of done.result.results) yield* entry.findings;
  context.progress.tick(done.tag);
}

async function toItem(file: ScanFile, context: ScanContext): Promise<SecretsScanItem> {
  if (file.source === 'worktree') return { path: file.path, absPath: file.absPath };
  return { path: file.path, text: (await context.readText(file)) ?? '' };
}

function* groupFiles(files: readonly ScanFile[]): Generator<ScanFile[]> {
  let group: ScanFile[] = [];
  let bytes = 0;
  for (const file of files) {
    group.push(file);
    bytes += file.size;
    if (bytes >= BATCH_BYTES || group.length >= BATCH_FILES) {
      yield group;
      group = [];
      bytes = 0;
    }
  }
  if (group.length > 0) yield group;
}
