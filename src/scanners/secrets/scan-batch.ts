import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

import type { Finding } from '../../core/finding.js';
import type { RuleSetOptions } from './ruleset.js';
import { ruleSetFor, scanText } from './scan-text.js';

/** One text to scan: a file on disk (read by the worker) or text handed over. */
export interface SecretsScanItem {
  path: string;
  /** Read from here when `text` is absent. */
  absPath?: string;
  text?: string;
  /** History: pairs (line index in `text`, line number in the file) per run of lines. */
  lineRuns?: number[];
}

/** The rules of a scan and the choices to apply. */
export interface SecretsRules {
  /** Names the rules and options; a worker compiles them once per key. */
  key: string;
  /** The rules, as JSON (see `SecretsScanOptions.rulesJson`). */
  rulesJson: string;
  options: RuleSetOptions;
}

/**
 * What a thread is started with (`workerData`, see `createFilePool`). With `key` and
 * `options`, the thread compiles those rules as soon as it starts, before its first batch.
 */
export interface SecretsThreadData {
  rulesJson: string;
  key?: string;
  options?: RuleSetOptions;
}

/**
 * A batch of texts for one worker, with the rule choices to apply. Without `rulesJson`, the
 * rules are those the thread was started with.
 */
export interface SecretsScanTask {
  key: string;
  rulesJson?: string;
  options: RuleSetOptions;
  items: SecretsScanItem[];
}

/** Findings for one item; `keys` identify each finding's rule and secret without showing it. */
export interface SecretsItemResult {
  index: number;
  findings: Finding[];
  keys: string[];
}

/** A batch's results, the text scanned and the files that could not be read. */
export interface SecretsScanResult {
  results: SecretsItemResult[];
  /** UTF-16 code units scanned. */
  chars: number;
  unreadable: Array<{ path: string; reason: string }>;
  /** Files taken as binary (a NUL byte near their start) and not scanned. */
  binary?: string[];
}

/**
 * Bytes inspected for a NUL byte to tell binary files apart, as git does. Text files in
 * UTF-16 contain NUL bytes, so they are taken as binary and not scanned.
 */
const BINARY_SNIFF = 8000;

/** Scan a batch: the worker threads' handler, also run in-process under tests. */
export function scanBatch(task: SecretsScanTask): SecretsScanResult {
  const { ruleSet, byId } = ruleSetFor(rulesOf(task));
  const out: SecretsScanResult = { results: [], chars: 0, unreadable: [] };

  task.items.forEach((item, index) => {
    const text = item.text ?? readItem(item, out);
    if (text === undefined) return;
    out.chars += text.length;
    const result = scanText(text, item.path, item.lineRuns, ruleSet, byId);
    if (result.findings.length > 0) out.results.push({ index, ...result });
  });
  return out;
}

/**
 * Compile the rules this thread was started with, when it was told which options apply. A
 * failure is left for the first batch, which compiles again and reports it with its result.
 */
export function compileStartRules(): void {
  const started = workerData as SecretsThreadData | null;
  if (started?.key === undefined || started.options === undefined) return;
  try {
    ruleSetFor({ key: started.key, rulesJson: started.rulesJson, options: started.options });
  } catch {
    // Reported by the first batch.
  }
}

/** This thread's read buffer, reused for every file and grown when one does not fit. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

function rulesOf(task: SecretsScanTask): SecretsRules {
  const started = workerData as SecretsThreadData | null;
  const rulesJson = task.rulesJson ?? started?.rulesJson;
  if (rulesJson === undefined) throw new Error('a secrets scan task came without rules');
  return { key: task.key, rulesJson, options: task.options };
}

function readItem(item: SecretsScanItem, out: SecretsScanResult): string | undefined {
  if (item.absPath === undefined) return undefined;
  let length: number;
  try {
    length = readWhole(item.absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    out.unreadable.push({ path: item.path, reason: code });
    return undefined;
  }
  const bytes = readBuffer.subarray(0, length);
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) {
    (out.binary ??= []).push(item.path);
    return undefined;
  }
  // Most source files are ASCII, which decodes as Latin-1 by a plain copy.
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * Read a file into `readBuffer` without asking its size first; returns its length. A regular
 * file's read comes back short only at its end, so a file that fits takes one read; one that
 * fills the buffer grows it and reads on.
 */
function readWhole(path: string): number {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const grown = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(grown, 0, 0, length);
        readBuffer = grown;
      }
      const wanted = readBuffer.length - length;
      const n = readSync(fd, readBuffer, length, wanted, null);
      length += n;
      if (n < wanted) return length;
    }
  } finally {
    closeSync(fd);
  }
}
