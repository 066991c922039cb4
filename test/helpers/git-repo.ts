import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A git repository in a temp dir, with helpers to write files and commit. */
export interface TempRepo {
  dir: string;
  write(path: string, content: string | Buffer): void;
  git(...args: string[]): string;
  commit(message: string, date?: string): string;
  remove(): void;
}

/** Create an empty git repository in a new temp dir (or a plain folder with `git: false`). */
export function tempRepo(options: { git?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-test-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: dir,
  };
  const run = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (options.git !== false) {
    run('init', '-q', '-b', 'main');
    run('config', 'commit.gpgsign', 'false');
  }
  return {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    git: run,
    commit(message, date = '2026-01-01T00:00:00Z') {
      run('add', '-A');
      execFileSync('git', ['commit', '-q', '-m', message], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return run('rev-parse', 'HEAD').trim();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
