import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

import { writeFileAtomic } from '../core/atomic-write.js';
import { usageError } from '../core/errors.js';
import { git, gitTopLevel } from '../core/git.js';

const MARK = '# installed by bulwark hook install';

/** The pre-commit hook script; it prefers a `bulwark` on PATH, then this installation. */
export function hookScript(cliPath: string): string {
  return [
    '#!/bin/sh',
    MARK,
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
    .option('--force', 'replace an existing pre-commit hook that Bulwark did not write')
    .action((path: string, flags: { force?: boolean }) => {
      const file = installHook(resolve(path), flags.force === true);
      process.stdout.write(`installed the pre-commit hook at ${file}\n`);
    });
}

/** Write the pre-commit hook into the repository at `root`; returns the hook's path. */
export function installHook(root: string, force: boolean): string {
  const top = gitTopLevel(root);
  if (!top) throw usageError(`${root} is not a git repository`, 'run `git init` first');
  const hooksDir = git(top, ['rev-parse', '--git-path', 'hooks']).trim();
  const file = join(isAbsolute(hooksDir) ? hooksDir : join(top, hooksDir), 'pre-commit');
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(MARK) && !force) {
    throw usageError(
      `a pre-commit hook already exists at ${file}`,
      'add `bulwark scan --tier commit` to it yourself, or pass --force to replace it',
    );
  }
  // A replaced hook is kept beside it, so --force loses nothing.
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(MARK)) {
    copyFileSync(file, `${file}.before-bulwark`);
  }
  const cli = fileURLToPath(new URL('./main.js', import.meta.url));
  writeFileAtomic(file, hookScript(cli));
  chmodSync(file, 0o755);
  return file;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
