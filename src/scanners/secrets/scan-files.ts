import type { Finding } from '../../core/finding.js';
import { defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import type { ScanContext, ScanFile } from '../../core/scanner.js';
import type { Config } from '../../core/config-schema.js';
import { secretsScanOptions, type SecretsScanOptions } from './options.js';
import { createFilePool, OrderedBatches } from './pool.js';
import { unknownSecretsIdWarnings } from './unknown-ids.js';
import { wantsPath } from './paths.js';
import type { SecretsScanItem, SecretsScanResult, SecretsScanTask } from './scan-batch.js';

/** A batch holds files up to about this many bytes, so each worker message is worth sending. */
const BATCH_BYTES = 1 << 20;

/** And at most this many files. */
const BATCH_FILES = 256;

/** Threads started ahead of a scan with the built-in rules, until a scan takes them. */
let prestarted:
  | {
      pool: WorkerPool<SecretsScanTask, SecretsScanResult>;
      options: SecretsScanOptions;
      config: Config;
      tags: readonly string[] | undefined;
    }
  | undefined;

/**
 * Start the threads of a whole-tree scan while its files are being listed, each compiling
 * the rules for `config` and `tags` as soon as it starts; the next scan with the built-in
 * rules, the same settings and as many threads takes them, any other closes them. Until
 * then they do not keep the process alive. Settings that cannot be compiled (a bad
 * allowlist regex) start nothing: the scan itself reports them.
 */
export async function prestartFileThreads(
  config: Config,
  tags: readonly string[] | undefined,
): Promise<void> {
  if (prestarted || defaultPoolSize() <= 1) return;
  let options: SecretsScanOptions;
  try {
    options = await secretsScanOptions(config, tags);
  } catch {
    return;
  }
  if (prestarted || !options.enabled) return;
  const pool = createFilePool(defaultPoolSize(), {
    rulesJson: options.rulesJson,
    key: options.key,
    options: options.ruleOptions,
  });
  if (pool.size <= 1) return;
  pool.keepAlive?.(false);
  prestarted = { pool, options, config, tags };
}

/** The prestarted threads' settings when this scan may use them. */
function prestartedOptions(context: ScanContext, rulesDir: string | undefined) {
  const early = prestarted;
  if (!early || rulesDir !== undefined || early.config !== context.config) return undefined;
  return sameTags(early.tags, context.tags) ? early.options : undefined;
}

function sameTags(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** The started threads when they fit this scan, else a new pool of `size`. */
function filePool(
  size: number,
  options: SecretsScanOptions,
): WorkerPool<SecretsScanTask, SecretsScanResult> {
  const early = prestarted;
  prestarted = undefined;
  if (early && early.pool.size === size && early.options === options) {
    early.pool.keepAlive?.(true);
    return early.pool;
  }
  if (early) void early.pool.close();
  return createFilePool(size, { rulesJson: options.rulesJson });
}

/** Warn about rule ids in bulwark.yaml that name no secrets rule (read only when some are set). */
function warnUnknownIds(context: ScanContext, rulesJson: string): void {
  const { disabledRules } = context.config.scanners.secrets;
  const keyed = Object.keys(context.config.severity).some(
    (id) => id.startsWith('secrets/') || !id.includes('/'),
  );
  if (disabledRules.length === 0 && !keyed) return;
  const ids = (JSON.parse(rulesJson) as Array<{ id: string }>).map((rule) => rule.id);
  for (const warning of unknownSecretsIdWarnings(disabledRules, context.config.severity, ids)) {
    context.logger.warn(warning);
  }
}

/** Scan the context's files on worker threads and yield their findings in file order. */
export async function* scanFiles(context: ScanContext, rulesDir?: string): AsyncGenerator<Finding> {
  const options =
    prestartedOptions(context, rulesDir) ??
    (await secretsScanOptions(context.config, context.tags, rulesDir));
  if (!options.enabled) return;
  warnUnknownIds(context, options.rulesJson);
  const files = context.files.filter((f) => wantsPath(f.path) && !options.pathAllowed(f.path));

  context.progress.start('secrets', files.length);
  // Small scans (a pre-commit hook's few files) run on this thread: starting workers and
  // compiling the rules in each would cost more than the scan.
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const pool = filePool(Math.min(defaultPoolSize(), Math.ceil(bytes / BATCH_BYTES)), options);
  // Threads got the rules when they started; an in-process pool gets them with each task.
  const rules = {
    key: options.key,
    options: options.ruleOptions,
    rulesJson: pool.size === 1 ? options.rulesJson : undefined,
  };
  const batches = new OrderedBatches<SecretsScanTask, SecretsScanResult, number>(pool);
  try {
    for (const group of groupFiles(files)) {
      if (context.signal.aborted) break;
      const staged = group.some((file) => file.source !== 'worktree');
      const items = staged
        ? await Promise.all(group.map((file) => toItem(file, context)))
        : group.map((file) => ({ path: file.path, absPath: file.absPath }));
      const task: SecretsScanTask = { ...rules, items };
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
  for (const path of done.result.binary ?? []) {
    context.logger.info('skipped: binary file (a NUL byte in its first 8000 bytes)', { path });
  }
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
