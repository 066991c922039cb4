import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

import { inputError, usageError } from '../../core/errors.js';
import { LOG_FORMAT } from './history-parser.js';

/** A resolved revision: an object id, `^` in front for one whose history is left out. */
const RESOLVED_REV = /^\^?[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The `git log` arguments for `revs` (resolved revisions, see `resolveRange`), newest commit
 * first. `-U0` leaves out context lines: only added lines are scanned, and
 * `--irreversible-delete` leaves out the lines of deleted files, which add none. Nothing
 * filters commits out, so that `skip` and `count`, which select a slice of the commits in
 * git's order for one of several processes sharing the history, count every commit alike
 * (`--diff-filter` would hide commits from `-n` but not from `--skip`). Merge commits show
 * no patch by default, so a secret merged in is reported at its commit; lines that a merge
 * commit itself adds (a conflict resolution) are not scanned. `--full-index` spares git
 * shortening the blob ids of the `index` lines, which are not read.
 */
export function gitLogArgs(revs: readonly string[], skip = 0, count?: number): string[] {
  const slice = [...(skip > 0 ? [`--skip=${skip}`] : []), ...(count ? [`-n${count}`] : [])];
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '--no-color',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--irreversible-delete',
    '--full-index',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '-U0',
    '-p',
    LOG_FORMAT,
    ...slice,
    ...revs,
    '--',
  ];
}

/**
 * The revisions `range` names, as object ids (`HEAD~5..HEAD` gives the id of HEAD and `^`
 * and the id of HEAD~5), so that every git process of one scan reads the same commits even
 * when the repository changes meanwhile.
 */
export function resolveRange(root: string, range: string): string[] {
  const out = runGit(root, ['rev-parse', range, '--'], range).split('\n');
  const revs = out.slice(0, Math.max(0, out.indexOf('--')));
  if (revs.some((rev) => !RESOLVED_REV.test(rev))) {
    throw usageError(
      `--history "${range}" is not a revision range`,
      'give commits, such as HEAD or v1.0..HEAD',
    );
  }
  return revs;
}

/** How many commits `git log` lists for the resolved revisions `revs`. */
export function countCommits(root: string, revs: readonly string[]): number {
  if (revs.length === 0) return 0;
  return Number(runGit(root, ['rev-list', '--count', ...revs, '--'], revs.join(' ')).trim());
}

/** A running `git log` and what it left on stderr. */
export interface GitLogProcess {
  stdout: Readable;
  /** The exit code, once git has exited. */
  exited: Promise<number>;
  /** The start of git's stderr, for error messages. */
  stderr(): string;
  /** Stop git if it is still running. */
  stop(): void;
}

/** Start `git log` with `args` in `root`. */
export function startGitLog(root: string, args: string[]): GitLogProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn('git', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Without a flush after each commit git writes its output in fewer, fuller blocks.
    env: { ...process.env, GIT_FLUSH: '0' },
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => reject(cannotRunGit(root, error)));
    child.on('close', (code) => resolve(code ?? 1));
  });
  exited.catch(() => undefined);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  return {
    stdout: child.stdout,
    exited,
    stderr: () => stderr.trim(),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

function runGit(root: string, args: string[], range: string): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.error) throw cannotRunGit(root, result.error);
  if (result.status !== 0) {
    throw inputError(`git could not read the range "${range}": ${result.stderr.trim()}`, {
      file: root,
    });
  }
  return result.stdout;
}

function cannotRunGit(root: string, error: Error) {
  return inputError(`could not run git: ${error.message}`, { file: root }, 'install git');
}
