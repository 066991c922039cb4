import { isAbsolute, join } from 'node:path';

import type { Finding } from '../../core/finding.js';
import type { ScanContext, ScanFile, Scanner } from '../../core/scanner.js';
import { createWorkerPool, defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import type { CompiledRule } from './compiled-rule.js';
import { languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from './rule-loader.js';
import { scanBatch, type CodeResult, type CodeTask } from './scan-batch.js';
import { toFinding } from './to-finding.js';

/** Batches stop growing at this many characters, so work spreads evenly over the threads. */
const BATCH_CHARS = 512 * 1024;
/** Fewer files than this are scanned in-process: starting threads would cost more. */
const THREAD_THRESHOLD = 24;

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js',
  import.meta.url,
);

/** The code scanner: security anti-patterns and taint flows in source files, from YAML rules. */
export const codeScanner: Scanner = {
  id: 'code',
  description: 'security anti-patterns and injection flows in source code (rules/code)',
  fast: true,
  wants: (path) => languageOf(path) !== undefined,
  scan: scanCode,
};

async function* scanCode(context: ScanContext): AsyncIterable<Finding> {
  const settings = context.config.scanners.code;
  if (!settings.enabled) return;
  const userRulesDir = isAbsolute(settings.rulesDir)
    ? settings.rulesDir
    : join(context.root, settings.rulesDir);
  const rules = loadRules(userRulesDir, context);
  const files = context.files.filter((file) => codeScanner.wants(file.path));
  if (files.length === 0) return;

  const size =
    files.length < THREAD_THRESHOLD ? 1 : Math.min(defaultPoolSize(), Math.ceil(files.length / 8));
  const pool: WorkerPool<CodeTask, CodeResult> = createWorkerPool(WORKER_URL, scanBatch, size);
  const base = {
    userRulesDir,
    tags: context.tags,
    disable: settings.disable,
    includeGenerated: settings.includeGenerated,
  };
  context.progress.start('code', files.length);
  try {
    const inFlight: Array<Promise<CodeResult>> = [];
    for await (const batch of batches(files, context)) {
      inFlight.push(pool.run({ ...base, files: batch }));
      if (inFlight.length >= pool.size * 2)
        yield* report(await (inFlight.shift() as Promise<CodeResult>), rules, context);
    }
    while (inFlight.length > 0)
      yield* report(await (inFlight.shift() as Promise<CodeResult>), rules, context);
  } finally {
    context.progress.done();
    await pool.close();
  }
}

function loadRules(userRulesDir: string, context: ScanContext): Map<string, CompiledRule> {
  const pack = loadRulePack([
    { dir: BUILTIN_RULES_DIR, builtin: true },
    { dir: userRulesDir, builtin: false },
  ]);
  for (const error of pack.errors) {
    context.logger.error(`rule not loaded: ${error.problem}`, {
      path: error.file,
      rule: error.ruleId,
    });
  }
  return new Map(pack.rules.map((rule) => [rule.ruleId, rule]));
}

async function* batches(
  files: readonly ScanFile[],
  context: ScanContext,
): AsyncIterable<CodeTask['files']> {
  let batch: CodeTask['files'] = [];
  let chars = 0;
  for (const file of files) {
    if (context.signal.aborted) return;
    const text = await context.readText(file);
    context.progress.tick();
    if (text === undefined) continue;
    batch.push({ path: file.path, text });
    chars += text.length;
    if (chars >= BATCH_CHARS || batch.length >= 64) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

function* report(
  result: CodeResult,
  rules: Map<string, CompiledRule>,
  context: ScanContext,
): Iterable<Finding> {
  for (const path of result.skipped)
    context.logger.debug('skipped as minified or generated', { path });
  for (const { path, matches } of result.matches) {
    for (const raw of matches) {
      const rule = rules.get(raw.ruleId);
      if (rule) yield toFinding(raw, rule, path, context.config.severity[raw.ruleId]);
    }
  }
}
