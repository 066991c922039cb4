import { spawn } from 'node:child_process';

import { inputError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { HistoryContext } from '../../core/scanner.js';
import { HistoryParser, LOG_FORMAT, type AddedText, type CommitInfo } from './history-parser.js';
import { secretsScanOptions } from './options.js';
import { createSecretsPool, OrderedBatches } from './pool.js';
import type { SecretsScanResult, SecretsScanTask } from './scan-batch.js';
import { wantsPath } from './scan-files.js';

/** Added text per batch sent to a worker. */
const BATCH_CHARS = 1 << 20;

/**
 * The `git log` arguments. `--reverse` makes git list the oldest commit first, so the first
 * time a secret is seen is the commit that introduced it. git keeps only the list of commit
 * ids to reverse (tens of bytes a commit) and still writes each patch as it goes, so neither
 * process holds the patches. `-U0` leaves out context lines: only added lines are scanned.
 * Merge commits show no patch by default, so a secret merged in is reported at its commit.
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
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '-U0',
    '-p',
    LOG_FORMAT,
    range,
    '--',
  ];
}

interface BatchTag {
  items: AddedText[];
  commits: number;
}

/**
 * Scan the lines each commit in `context.range` added and yield each secret once, at the
 * oldest commit that added it, with that commit's id, author, author date, path and line.
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
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  exited.catch(() => undefined);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });

  const seen = new Set<string>();
  const pool = createSecretsPool();
  const batches = new OrderedBatches<BatchTag>(pool);
  let pending: AddedText[] = [];
  let pendingChars = 0;
  let pendingCommits = 0;
  const parser = new HistoryParser(
    (added) => {
      if (!wantsPath(added.path) || options.pathAllowed(added.path)) return;
      pending.push(added);
      pendingChars += added.text.length;
    },
    () => pendingCommits++,
  );
  const submit = (): Promise<Array<{ result: SecretsScanResult; tag: BatchTag }>> => {
    const items = pending;
    const task: SecretsScanTask = {
      key: options.key,
      rules: options.rules,
      options: options.ruleOptions,
      items: items.map((a) => ({ path: a.path, text: a.text, lineMap: a.lineMap })),
    };
    const tag = { items, commits: pendingCommits };
    pending = [];
    pendingChars = 0;
    pendingCommits = 0;
    return batches.push(task, tag);
  };

  context.progress.start('secrets history');
  try {
    for await (const lines of readLines(child.stdout, context.signal)) {
      for (const line of lines) parser.line(line);
      if (pendingChars >= BATCH_CHARS) {
        for (const done of await submit()) yield* report(done, seen, context);
      }
    }
    parser.end();
    for (const done of await submit()) yield* report(done, seen, context);
    for (const done of await batches.drain()) yield* report(done, seen, context);
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
  done: { result: SecretsScanResult; tag: BatchTag },
  seen: Set<string>,
  context: HistoryContext,
): Generator<Finding> {
  for (const entry of done.result.results) {
    const commit: CommitInfo = done.tag.items[entry.index].commit;
    for (let i = 0; i < entry.findings.length; i++) {
      const key = entry.keys[i];
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = entry.findings[i];
      finding.location = {
        ...finding.location,
        commit: commit.hash,
        commitDate: commit.date,
        author: commit.author,
      };
      yield finding;
    }
  }
  context.progress.tick(done.tag.commits);
}

/** Split a text stream into lines, a chunk at a time, stopping when `signal` aborts. */
async function* readLines(
  stream: NodeJS.ReadableStream & AsyncIterable<string | Buffer>,
  signal: AbortSignal,
): AsyncGenerator<string[]> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream) {
    if (signal.aborted) return;
    const text = rest + (chunk as string);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    yield lines;
  }
  if (rest.length > 0) yield [rest];
}
