import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

let repo: TempRepo;
let hooks: string;
beforeEach(() => {
  repo = tempRepo();
  hooks = join(repo.dir, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
});
afterEach(() => repo.remove());

function writeHook(name: string, body: string): void {
  writeFileSync(join(hooks, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(hooks, name), 0o755);
}

/** `git commit` with the hooks running; returns its exit status. */
function commit(message: string): number {
  const result = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: repo.dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.com',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: repo.dir,
      NO_COLOR: '1',
    },
    encoding: 'utf8',
  });
  return result.status ?? -1;
}

describe('bulwark hook install', () => {
  it('a folder where the hook goes exits 2 naming it, even with --force', () => {
    mkdirSync(join(hooks, 'pre-commit'));

    const run = bulwark(repo.dir, ['hook', 'install', '--force']);

    expect(run.stderr).toBe(
      `bulwark: ${join(hooks, 'pre-commit')} is a folder, not a hook script\n` +
        '  hint: move it away (git runs only a file there), then run `bulwark hook install` again\n',
    );
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('refuses to replace a hook it did not write without --force', () => {
    writeHook('pre-commit', 'echo mine');

    const run = bulwark(repo.dir, ['hook', 'install']);

    expect(run.stderr).toBe(
      `bulwark: a pre-commit hook already exists at ${join(hooks, 'pre-commit')}\n` +
        '  hint: add `bulwark scan --tier commit` to it yourself, or pass --force to replace it (it is kept and run first)\n',
    );
    expect(run.status).toBe(2);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });

  it('never overwrites an earlier backup: a second --force keeps both hooks', () => {
    writeHook('pre-commit', 'echo first');
    const first = bulwark(repo.dir, ['hook', 'install', '--force']);
    writeHook('pre-commit', 'echo second');
    const second = bulwark(repo.dir, ['hook', 'install', '--force']);
    const again = bulwark(repo.dir, ['hook', 'install', '--force']);

    const hook = join(hooks, 'pre-commit');
    expect(first.stdout).toBe(
      `kept the previous pre-commit hook as ${hook}.before-bulwark\n` +
        `installed the pre-commit hook at ${hook}\n`,
    );
    expect(second.stdout).toBe(
      `kept the previous pre-commit hook as ${hook}.before-bulwark.1\n` +
        `installed the pre-commit hook at ${hook}\n`,
    );
    // Reinstalling over Bulwark's own hook copies nothing.
    expect(again.stdout).toBe(`installed the pre-commit hook at ${hook}\n`);
    expect([first.status, second.status, again.status]).toEqual([0, 0, 0]);
    expect(readFileSync(`${hook}.before-bulwark`, 'utf8')).toBe('#!/bin/sh\necho first\n');
    expect(readFileSync(`${hook}.before-bulwark.1`, 'utf8')).toBe('#!/bin/sh\necho second\n');
    expect(existsSync(`${hook}.before-bulwark.2`)).toBe(false);
    expect(readFileSync(hook, 'utf8')).toContain(
      `previous="$(dirname "$0")"/'pre-commit.before-bulwark.1'`,
    );
  });

  it('the installed hook runs the replaced hook first, and the commit goes ahead when it passes', () => {
    writeHook('pre-commit', 'echo ran > "$(git rev-parse --git-dir)/previous-hook-ran"');
    expect(bulwark(repo.dir, ['hook', 'install', '--force']).status).toBe(0);
    repo.write('notes.txt', 'hello\n');
    repo.git('add', 'notes.txt');

    const status = commit('add notes');

    expect(status).toBe(0);
    expect(readFileSync(join(repo.dir, '.git', 'previous-hook-ran'), 'utf8')).toBe('ran\n');
    expect(repo.git('log', '--format=%s').trim()).toBe('add notes');
  });

  it('a failing replaced hook fails the commit', () => {
    writeHook('pre-commit', 'exit 7');
    expect(bulwark(repo.dir, ['hook', 'install', '--force']).status).toBe(0);
    repo.write('notes.txt', 'hello\n');
    repo.git('add', 'notes.txt');

    const status = commit('add notes');

    expect(status).toBe(1);
    expect(
      spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo.dir }).status,
    ).toBe(1);
  });

  it('a hook installed where none was runs only the commit tier', () => {
    const run = bulwark(repo.dir, ['hook', 'install']);

    expect(run.stdout).toBe(`installed the pre-commit hook at ${join(hooks, 'pre-commit')}\n`);
    expect(run.status).toBe(0);
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).not.toContain('previous=');
    repo.write('notes.txt', 'hello\n');
    repo.git('add', 'notes.txt');
    expect(commit('add notes')).toBe(0);
  });
});
