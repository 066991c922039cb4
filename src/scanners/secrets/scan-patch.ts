import { isAscii } from 'node:buffer';

import type { Finding } from '../../core/finding.js';
import { ignoreRules } from '../../core/ignore-rules.js';
import { markSuppressedInCommit } from '../../core/inline-suppression.js';
import type { HistoryIgnore } from './history-ignore.js';
import { HistoryParser } from './history-parser.js';
import { addedLineAt, suppressedInPatch } from './history-suppression.js';
import { pathAllowlist, wantsPath } from './paths.js';
import type { RuleSetOptions } from './ruleset.js';
import { ruleSetFor, scanText } from './scan-text.js';

/** A piece of `git log -p` output, cut at a commit (or, in a huge commit, a file) boundary. */
export interface PatchScanTask {
  key: string;
  /**
   * The rules, as JSON (see `SecretsScanOptions.rulesJson`). A pool sends them with a
   * worker's first piece only; later pieces of the same key use the worker's copy.
   */
  rulesJson?: string;
  options: RuleSetOptions;
  /** `allowlist.paths` from bulwark.yaml. */
  allowPaths: string[];
  /** The scan's ignore rules (`ignore:` and `.bulwarkignore`): their paths are not scanned. */
  ignore: HistoryIgnore;
  /** UTF-8 bytes of the log, starting with a commit header line. */
  patch: Uint8Array;
  /** True when the first header repeats the previous piece's commit (a commit cut in two). */
  continued: boolean;
}

/**
 * Findings of one piece, in log order, with the commit set in each location. A finding that a
 * `bulwark-ignore` comment among the lines of its commit covers is marked
 * (`markSuppressedInCommit`).
 */
export interface PatchScanResult {
  findings: Finding[];
  /** For each finding, a hash of its rule and secret, to report each secret once. */
  keys: string[];
  /** Commits that started in this piece. */
  commits: number;
}

/** Per scan key: whether a path is left out, by `allowlist.paths` or the ignore rules. */
const skippedPaths = new Map<string, (path: string) => boolean>();
const rulesByKey = new Map<string, string>();

/** The rules of `task`, from the task or from an earlier task of the same key. */
function rulesOf(task: PatchScanTask): string {
  if (task.rulesJson !== undefined) {
    if (rulesByKey.size >= 4) rulesByKey.clear();
    rulesByKey.set(task.key, task.rulesJson);
    return task.rulesJson;
  }
  const known = rulesByKey.get(task.key);
  if (known === undefined) throw new Error(`no rules were sent for scan ${task.key}`);
  return known;
}

/** Parse a piece of the log and scan the lines it adds: the patch workers' handler. */
export function scanPatch(task: PatchScanTask): PatchScanResult {
  const { ruleSet, byId } = ruleSetFor({ ...task, rulesJson: rulesOf(task) });
  let skipped = skippedPaths.get(task.key);
  if (!skipped) {
    if (skippedPaths.size >= 4) skippedPaths.clear();
    skipped = skipTest(task);
    skippedPaths.set(task.key, skipped);
  }
  const skips = skipped;
  const out: PatchScanResult = { findings: [], keys: [], commits: task.continued ? -1 : 0 };

  const parser = new HistoryParser(
    (added) => {
      if (!wantsPath(added.path) || skips(added.path)) return;
      const found = scanText(added.text, added.path, added.lineRuns, ruleSet, byId);
      const lineAt = addedLineAt(added.text, added.lineRuns);
      for (const finding of found.findings) {
        finding.location = {
          ...finding.location,
          commit: added.commit.hash,
          commitDate: added.commit.date,
          author: added.commit.author,
        };
        out.findings.push(
          suppressedInPatch(finding, lineAt) ? markSuppressedInCommit(finding) : finding,
        );
      }
      out.keys.push(...found.keys);
    },
    () => out.commits++,
  );

  const bytes = Buffer.from(task.patch.buffer, task.patch.byteOffset, task.patch.byteLength);
  feedByFile(parser, bytes);
  parser.end();
  return out;
}

/**
 * Whether the history scan leaves a path out: allowlisted in bulwark.yaml, or ignored by the
 * scan's ignore rules, built as file discovery builds them: bulwark.yaml's patterns first,
 * then `.bulwarkignore`. A path below the scan root is matched relative to it, as file
 * discovery matches it; one outside it, which the tree scan never lists, as the log gives it.
 */
function skipTest(task: PatchScanTask): (path: string) => boolean {
  const allowed = pathAllowlist(task.allowPaths);
  const { patterns, file, prefix } = task.ignore;
  if (patterns.length === 0 && file === undefined) return allowed;
  const ignored = ignoreRules().add([...patterns]);
  if (file !== undefined) ignored.add(file);
  return (path) =>
    allowed(path) ||
    ignored.ignores(prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path);
}

/** A newline followed by a file header: where a file's patch starts. */
const FILE_START = Buffer.from('\ndiff --git ');

/**
 * Decode the log one file's patch at a time: an ASCII patch, most of them, decodes as
 * Latin-1 by a plain copy and stays a one-byte string for the rules; only a file with other
 * characters pays for UTF-8 decoding. (Decoding a whole piece as UTF-8 because of one such
 * character took about a quarter of the workers' time.)
 */
function feedByFile(parser: HistoryParser, bytes: Buffer): void {
  let start = 0;
  while (start < bytes.length) {
    const next = bytes.indexOf(FILE_START, start);
    const end = next === -1 ? bytes.length : next + 1;
    const part = bytes.subarray(start, end);
    parser.feed(isAscii(part) ? part.toString('latin1') : part.toString('utf8'));
    start = end;
  }
}
