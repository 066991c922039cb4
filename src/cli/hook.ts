import { chmodSync, copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

import { writeFileAtomic } from '../core/atomic-write.js';
import { inputError, usageError } from '../core/errors.js';
import { git, gitTopLevel } from '../core/git.js';

const MARK = '# installed by bulwark hook install';

/** The suffix of a replaced hook's copy; later copies add `.1`, `.2`, ... */
export const BACKUP_SUFFIX = '.before-bulwark';

/**
 * The pre-commit hook script; it prefers a `bulwark` on PATH, then this installation. When
 * `backup` names the hook it replaced (a file in the same folder), that hook runs first, as
 * git would have run it, and a failure stops the commit before Bulwark runs.
 */
export function hookScript(cliPath: string, backup?: string): string {
  const previous = backup
    ? [
        '# The pre-commit hook this one replaced runs first; its failure stops the commit.',
        `previous="$(dirname "$0")"/${quote(backup)}`,
        'if [ -f "$previous" ] && [ -x "$previous" ]; then',
        '  "$previous" "$@" || exit $?',
        'fi',
      ]
    : [];
  return [
    '#!/bin/sh',
    MARK,
    ...previous,
    '# Runs the commit tier (staged changes, fast checks) before each commit.',
    'if command -v bulwark >/dev/null 2>&1; then',
    '  exec bulwark scan --tier commit .',
    `elif [ -f ${quote(cliPath)} ]; then`,
    `  exec node ${quote(cliPath)} scan --tier commit .`,
    'else',
    '  exec npx --no-install bulwark scan --tier commit .',
    'fi',
    '',
  ].join('\n');
}

/** Add `bulwark hook install` to the program. */
export function registerHookCommand(program: Command): void {
  const hook = program.command('hook').description('manage the git pre-commit hook');
  hook
    .command('install')
    .description('install a pre-commit hook that runs the commit tier')
    .argument('[path]', 'the repository', '.')
    .option(
      '--force',
      'replace an existing pre-commit hook that Bulwark did not write (it is kept and run first)',
    )
    .action((path: string, flags: { force?: boolean }) => {
      const installed = installHook(resolve(path), flags.force === true);
      if (installed.backup) {
        process.stdout.write(`kept the previous pre-commit hook as ${installed.backup}\n`);
      }
      process.stdout.write(`installed the pre-commit hook at ${installed.file}\n`);
    });
}

/** What `installHook` did. */
export interface InstalledHook {
  /** The hook's path. */
  file: string;
  /** The copy of the hook it replaced, made by this install, if any. */
  backup?: string;
}

/** Write the pre-commit hook into the repository at `root`. */
export function installHook(root: string, force: boolean): InstalledHook {
  const top = gitTopLevel(root);
  if (!top) throw usageError(`${root} is not a git repository`, 'run `git init` first');
  const hooksDir = git(top, ['rev-parse', '--git-path', 'hooks']).trim();
  const file = join(isAbsolute(hooksDir) ? hooksDir : join(top, hooksDir), 'pre-commit');
  const existing = readExistingHook(file);
  const foreign = existing !== undefined && !existing.includes(MARK);
  if (foreign && !force) {
    throw usageError(
      `a pre-commit hook already exists at ${file}`,
      'add `bulwark scan --tier commit` to it yourself, or pass --force to replace it (it is kept and run first)',
    );
  }
  // A replaced hook is copied to a name no earlier copy holds, so --force never loses one.
  const backup = foreign ? freeBackupName(file) : undefined;
  if (backup) copyHook(file, backup);
  const cli = fileURLToPath(new URL('./main.js', import.meta.url));
  const previous = backup ?? latestBackup(file);
  writeFileAtomic(file, hookScript(cli, previous ? basename(previous) : undefined));
  chmodSync(file, 0o755);
  return { file, backup };
}

/** The hook's text, or undefined when there is none; anything but a file is an input error. */
function readExistingHook(file: string): string | undefined {
  let stat;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `cannot read the pre-commit hook ${file} (${reason})`,
      undefined,
      'check the hooks folder',
    );
  }
  if (!stat) return undefined;
  if (!stat.isFile()) {
    throw inputError(
      `${file} is a ${stat.isDirectory() ? 'folder' : 'special file'}, not a hook script`,
      undefined,
      'move it away (git runs only a file there), then run `bulwark hook install` again',
    );
  }
  return readFileSync(file, 'utf8');
}

/** Copy the replaced hook (mode included); a failure stops before the hook is replaced. */
function copyHook(file: string, backup: string): void {
  try {
    copyFileSync(file, backup);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw inputError(
      `cannot keep a copy of the pre-commit hook as ${backup} (${reason})`,
      undefined,
      'make the hooks folder writable; the existing hook was left as it was',
    );
  }
}

/** `pre-commit.before-bulwark`, or the first `pre-commit.before-bulwark.N` not taken. */
function freeBackupName(file: string): string {
  const first = `${file}${BACKUP_SUFFIX}`;
  if (!existsSync(first)) return first;
  for (let n = 1; ; n++) {
    const name = `${first}.${n}`;
    if (!existsSync(name)) return name;
  }
}

/** The most recent copy of a replaced hook, which a reinstall keeps running. */
function latestBackup(file: string): string | undefined {
  const first = `${file}${BACKUP_SUFFIX}`;
  if (!existsSync(first)) return undefined;
  let latest = first;
  for (let n = 1; existsSync(`${first}.${n}`); n++) latest = `${first}.${n}`;
  return latest;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
