import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseChangedLines, type ChangedLines } from './changed-lines.js';
import { usageError } from './errors.js';
import { git, gitTopLevel, refExists, splitNul } from './git.js';
import { absoluteJoiner } from './absolute-path.js';
import { ignoreRules, type IgnoreRules } from './ignore-rules.js';
import type { Logger } from './logger.js';
import type { ScanFile } from './scanner.js';

/** Which files a scan reads. */
export type FileMode = 'all' | 'staged' | 'changed';

/** Options for choosing files. */
export interface DiscoveryOptions {
  root: string;
  mode: FileMode;
  /** For `changed`: the ref to compare with (its merge base with the working tree). */
  since?: string;
  maxFileSize: number;
  /** Gitignore-style patterns from bulwark.yaml and .bulwarkignore. */
  ignore: readonly string[];
  logger: Logger;
  /** Scan exactly these paths (relative to the root), as named on the command line. */
  only?: readonly string[];
  /** Paths kept whatever their size, for scanners that read them as data (lockfiles). */
  keepLarge?: (path: string) => boolean;
}

/** The chosen files, and for staged/changed scans the lines that changed. */
export interface Discovery {
  files: ScanFile[];
  /** Set for staged and changed scans: only findings on these lines are reported. */
  changedLines?: ChangedLines;
  /** For staged and changed scans: the commit the change is measured from, if there is one. */
  baseRev?: string;
  /** Whether the root is inside a git work tree. */
  inGit: boolean;
  skipped: { tooLarge: number; ignored: number };
}

// Fixed prefixes, no colour and rename detection, whatever the user's git configuration says:
// a renamed file's diff holds only the lines its content gained, none for a pure rename.
const DIFF_ARGS = [
  '-U0',
  '--find-renames',
  '--no-color',
  '--relative',
  '--no-ext-diff',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

// The changed files, a renamed one under its new name.
const NAME_ARGS = ['--find-renames', '--name-only', '-z', '--relative', '--diff-filter=ACMR'];

/** The ignore file at the scan root. */
export const IGNORE_FILE = '.bulwarkignore';

/** Choose the files to scan under `root` according to the mode. */
export function discoverFiles(options: DiscoveryOptions): Discovery {
  const { root, mode } = options;
  const inGit = gitTopLevel(root) !== undefined;
  if (!inGit && mode !== 'all') {
    throw usageError(
      `${root} is not a git repository`,
      `--${mode === 'staged' ? 'staged' : 'since'} needs git`,
    );
  }
  const filter = buildIgnore(root, options.ignore);

  let candidates: string[];
  let changedLines: ChangedLines | undefined;
  let baseRev: string | undefined;
  if (options.only) {
    candidates = [...options.only];
  } else if (mode === 'staged') {
    changedLines = parseChangedLines(git(root, ['diff', '--cached', ...DIFF_ARGS]));
    candidates = splitNul(git(root, ['diff', '--cached', ...NAME_ARGS]));
    baseRev = refExists(root, 'HEAD') ? 'HEAD' : undefined;
  } else if (mode === 'changed') {
    ({ candidates, changedLines, baseRev } = changedSince(root, options.since));
  } else {
    candidates = [];
    if (inGit) candidates = gitListed(root);
    else walk(root, '', undefined, candidates);
  }

  const files: ScanFile[] = [];
  const skipped = { tooLarge: 0, ignored: 0 };
  const tooLarge: string[] = [];
  const absolute = absoluteJoiner(root);
  for (const path of candidates) {
    // A file named on the command line is scanned even when an ignore file lists it.
    if (!options.only && filter?.ignores(path)) {
      skipped.ignored++;
      continue;
    }
    const absPath = absolute(path);
    const size = sizeOf(absPath);
    if (size === undefined) {
      options.logger.info('skipped: not a regular file (a symbolic link, a folder or gone)', {
        path,
      });
      continue;
    }
    const source = mode === 'staged' ? 'index' : 'worktree';
    if (size > options.maxFileSize) {
      if (options.keepLarge?.(path)) {
        files.push({ path, absPath, size, source, oversized: true });
        continue;
      }
      skipped.tooLarge++;
      tooLarge.push(path);
      continue;
    }
    files.push({ path, absPath, size, source });
  }
  if (tooLarge.length > 0) warnTooLarge(tooLarge, options);
  return { files, changedLines, baseRev, inGit, skipped };
}

/** One warning for every file skipped for its size, naming the first few. */
function warnTooLarge(paths: readonly string[], options: DiscoveryOptions): void {
  const named = paths.slice(0, 3).join(', ');
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  options.logger.warn(
    `skipped ${paths.length} file(s) larger than ${options.maxFileSize} bytes: ${named}${more}; ` +
      'raise maxFileSize in bulwark.yaml to scan them',
  );
}

function gitListed(root: string): string[] {
  const out = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return [...new Set(splitNul(out))];
}

function changedSince(
  root: string,
  since: string | undefined,
): { candidates: string[]; changedLines: ChangedLines; baseRev: string } {
  if (!since) throw usageError('the changed-files tier needs a ref', 'pass --since <ref>');
  if (!refExists(root, since)) {
    throw usageError(
      `unknown git ref: ${since}`,
      'fetch it first, for example `git fetch origin main`',
    );
  }
  const base = git(root, ['merge-base', since, 'HEAD']).trim();
  const diff = git(root, ['diff', base, ...DIFF_ARGS]);
  const changedLines = parseChangedLines(diff);
  const names = splitNul(git(root, ['diff', base, ...NAME_ARGS]));
  const untracked = splitNul(git(root, ['ls-files', '-z', '--others', '--exclude-standard']));
  for (const path of untracked) changedLines.set(path, allLines(join(root, path)));
  return { candidates: [...new Set([...names, ...untracked])], changedLines, baseRev: base };
}

function allLines(absPath: string): Set<number> {
  const lines = new Set<number>();
  try {
    const count = readFileSync(absPath, 'utf8').split('\n').length;
    for (let n = 1; n <= count; n++) lines.add(n);
  } catch {
    // An unreadable file yields no lines; it is reported when the scan reads it.
  }
  return lines;
}

/** The filter of bulwark.yaml's patterns and .bulwarkignore; undefined when there are none. */
function buildIgnore(root: string, patterns: readonly string[]): IgnoreRules | undefined {
  const file = join(root, IGNORE_FILE);
  const hasFile = existsSync(file);
  if (patterns.length === 0 && !hasFile) return undefined;
  const filter = ignoreRules().add([...patterns]);
  if (hasFile) filter.add(readFileSync(file, 'utf8'));
  return filter;
}

/**
 * Walk a tree outside git, honouring .gitignore files at every level. `prefix` is the
 * folder's path from the root, with forward slashes (empty at the root). `rules` holds the
 * patterns of the .gitignore files above `dir`; undefined means none, where only `.git` is
 * skipped (any letter case, as the ignore library matches). A folder without a .gitignore
 * shares its parent's rules, so the common case costs no pattern matching at all.
 */
function walk(dir: string, prefix: string, rules: IgnoreRules | undefined, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  const gitignore = join(dir, '.gitignore');
  if (entries.some((entry) => entry.name === '.gitignore') && existsSync(gitignore)) {
    const lines = readFileSync(gitignore, 'utf8').split(/\r?\n/);
    rules = ignoreRules()
      .add(rules ?? '.git')
      .add(lines.map((line) => rebase(line, prefix)));
  }
  for (const entry of entries) {
    const name = entry.name;
    const path = prefix ? `${prefix}/${name}` : name;
    if (entry.isDirectory()) {
      const skip = rules ? rules.ignores(`${path}/`) : isGitFolderName(name);
      if (!skip) walk(join(dir, name), path, rules, out);
    } else if (entry.isFile() && !(rules ? rules.ignores(path) : isGitFolderName(name))) {
      out.push(path);
    }
  }
}

/** Whether a name is `.git` in any letter case. */
function isGitFolderName(name: string): boolean {
  return name.length === 4 && name.toLowerCase() === '.git';
}

/** Make a nested .gitignore's pattern relative to the walk root. */
function rebase(pattern: string, prefix: string): string {
  const trimmed = pattern.trim();
  if (!prefix || trimmed === '' || trimmed.startsWith('#')) return trimmed;
  const negate = trimmed.startsWith('!');
  const body = negate ? trimmed.slice(1) : trimmed;
  const anchored = body.replace(/\/$/, '').includes('/');
  const rebased = anchored ? `${prefix}/${body.replace(/^\//, '')}` : `${prefix}/**/${body}`;
  return negate ? `!${rebased}` : rebased;
}

/**
 * The size of a regular file, or undefined for anything else. A symbolic link is not followed:
 * git stores the link, not what it points at, and its target may lie outside the scanned tree
 * (or be another file of it, which would be reported twice).
 */
function sizeOf(absPath: string): number | undefined {
  try {
    const stat = lstatSync(absPath, { throwIfNoEntry: false });
    return stat?.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** Parse a size such as `2MB`, `512KiB` or a plain byte count. */
export function parseByteSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value.trim());
  if (!match) throw usageError(`not a size: ${value}`, 'write a size such as 2MB or 512KB');
  const units: Record<string, number> = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return Math.round(Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1));
}
