import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';

import type { Finding } from '../../core/finding.js';
import type { ScanContext, ScanFile, Scanner } from '../../core/scanner.js';
import { createWorkerPool, defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import type { CompiledRule } from './compiled-rule.js';
import { languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from './rule-loader.js';
import { scanBatch, type CodeResult, type CodeTask } from './scan-batch.js';
import { insideFolder, userRulesDirFor } from './rules-location.js';
import { toFinding } from './to-finding.js';
import { unknownRuleIdWarnings } from './unknown-ids.js';

/** Batches stop growing at this many characters, so work spreads evenly over the threads. */
const BATCH_CHARS = 512 * 1024;
/** Fewer files than this are scanned in-process: starting threads would cost more. */
const THREAD_THRESHOLD = 24;
/** The rulesDir default: a missing folder there only means the team has no rules of its own. */
const DEFAULT_RULES_DIR = '.bulwark/rules';

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
  const userRulesDir = userRulesDirFor(context.root, settings.rulesDir);
  const rules = loadRules(userRulesDir, settings.rulesDir, context);
  const files = context.files.filter((file) => {
    if (!codeScanner.wants(file.path)) return false;
    if (!insideFolder(file.absPath, userRulesDir)) return true;
    context.logger.info('skipped: a sample of the team rules folder', { path: file.path });
    return false;
  });
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

function loadRules(
  userRulesDir: string,
  configured: string,
  context: ScanContext,
): Map<string, CompiledRule> {
  if (configured !== DEFAULT_RULES_DIR && !existsSync(userRulesDir)) {
    context.reportProblem({
      path: shown(userRulesDir, context.root),
      message: `scanners.code.rulesDir: the folder ${configured} does not exist; create it or fix the path in bulwark.yaml`,
      kind: 'rules-folder',
    });
  }
  const pack = loadRulePack([
    { dir: BUILTIN_RULES_DIR, builtin: true },
    { dir: userRulesDir, builtin: false },
  ]);
  for (const warning of pack.warnings) context.logger.warn(warning);
  const { disable } = context.config.scanners.code;
  const ids = pack.rules.map((rule) => rule.ruleId);
  for (const warning of unknownRuleIdWarnings(disable, context.config.severity, ids)) {
    context.logger.warn(warning);
  }
  for (const error of pack.errors) {
    const rule = error.ruleId === undefined ? '' : `rule ${error.ruleId}: `;
    context.reportProblem({
      path: shown(error.file, context.root),
      ...(error.line === undefined ? {} : { line: error.line }),
      ...(error.column === undefined ? {} : { column: error.column }),
      message: `${rule}${error.problem}`,
      kind: error.file === userRulesDir ? 'rules-folder' : 'rule',
    });
  }
  return new Map(pack.rules.map((rule) => [rule.ruleId, rule]));
}

/** A path relative to the scan root when it lies inside it, else as it is. */
function shown(path: string, root: string): string {
  return insideFolder(path, root) ? relative(root, path).split(sep).join('/') : path;
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
  for (const { path, reason } of result.skipped)
    context.logger.info(`skipped: ${reason}`, { path });
  for (const { path, matches } of result.matches) {
    for (const raw of matches) {
      const rule = rules.get(raw.ruleId);
      if (rule) yield toFinding(raw, rule, path, context.config.severity[raw.ruleId]);
    }
  }
}
