import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark, findingLines } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

// Fake credentials in the real formats (valid checksums), planted in a throwaway repository.
const GITHUB_PAT = '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';
const GITHUB_PAT_2 = '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';
const AWS_KEY_ID = 'AKIAMOY2M4AZBEYXLRJC';
const AWS_SECRET = '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';
const ALL_SECRETS = [GITHUB_PAT, GITHUB_PAT_2, AWS_KEY_ID, AWS_SECRET];

function expectNoFullSecret(text: string): void {
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.remove());

describe('bulwark scan (secrets, end to end)', () => {
  it('finds planted secrets in the tree, honours suppressions and exits 1', () => {
    repo.write('app/config.env', `# settings\nGITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.write(
      'deploy/aws.ini',
      `[default]\naws_access_key_id = ${AWS_KEY_ID}\naws_secret_access_key = ${AWS_SECRET}\n`,
    );
    repo.write(
      'docs/sample.md',
      `Use a token like ${GITHUB_PAT_2} <!-- bulwark-ignore secrets/github-pat: documentation sample -->\n`,
    );
    repo.write(
      'README.md',
      'token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nkey: ${GITHUB_TOKEN}\n',
    );
    repo.commit('add config');

    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets', '--format', 'json']);

    expect(findingLines(run.stdout)).toEqual([
      'app/config.env:2 secrets/github-pat',
      'deploy/aws.ini:2 secrets/aws-access-key-id',
      'deploy/aws.ini:3 secrets/aws-secret-access-key',
    ]);
    expect(run.status).toBe(1);
    expectNoFullSecret(run.stdout + run.stderr);
  });

  it('scans a single file named on the command line, even one .bulwarkignore lists', () => {
    repo.write('conf/app.env', `GITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.write('conf/other.env', `GITHUB_TOKEN=${GITHUB_PAT_2}\n`);
    repo.write('.bulwarkignore', 'conf/\n');
    repo.commit('add');

    const run = bulwark(repo.dir, ['scan', 'conf/app.env', '--format', 'json']);

    expect(findingLines(run.stdout)).toEqual(['app.env:1 secrets/github-pat']);
    expect(run.status).toBe(1);
  });

  it('never prints more than four characters of a secret in any format', () => {
    repo.write('config.env', `GITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.commit('add');
    for (const format of ['text', 'json', 'sarif']) {
      const run = bulwark(repo.dir, [
        'scan',
        '.',
        '--scanners',
        'secrets',
        '--format',
        format,
        '-v',
      ]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('ghp_');
      expectNoFullSecret(run.stdout + run.stderr);
      expect(run.stdout).not.toContain(GITHUB_PAT.slice(0, 5));
    }
  });

  it('does not follow symbolic links, to files outside the tree or inside it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'bulwark-outside-'));
    try {
      writeFileSync(join(outside, 'creds'), `GITHUB_TOKEN=${GITHUB_PAT_2}\n`);
      repo.write('real.yml', `token: ${GITHUB_PAT}\n`);
      symlinkSync(join(outside, 'creds'), join(repo.dir, 'creds.txt'));
      symlinkSync('real.yml', join(repo.dir, 'link.yml'));
      repo.commit('links');

      const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets', '-f', 'json', '-v']);

      expect(findingLines(run.stdout)).toEqual(['real.yml:1 secrets/github-pat']);
      expect(run.stderr).toContain(
        'skipped: not a regular file (a symbolic link, a folder or gone) path=creds.txt',
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('names a file skipped as binary under -v, and scans the rest', () => {
    repo.write('blob.cfg', `GITHUB_TOKEN=${GITHUB_PAT}\n\0binary tail\n`);
    repo.write('app.env', `GITHUB_TOKEN=${GITHUB_PAT_2}\n`);
    repo.commit('add');

    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets', '-f', 'json', '-v']);

    expect(findingLines(run.stdout)).toEqual(['app.env:1 secrets/github-pat']);
    expect(run.stderr.split('\n').filter((line) => line.includes('skipped: binary'))).toEqual([
      'bulwark info: skipped: binary file (a NUL byte in its first 8000 bytes) path=blob.cfg',
    ]);
  });

  it('refuses --staged with --since, which choose different files', () => {
    repo.write('a.env', 'NAME=app\n');
    repo.commit('first');

    const run = bulwark(repo.dir, ['scan', '.', '--staged', '--since', 'HEAD']);

    expect([run.status, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'bulwark: --staged and --since choose different files: the index, or the changes since a ref\n  hint: pass one of them\n',
    ]);
  });

  it('reports only staged secrets with --staged', () => {
    repo.write('a.env', 'NAME=app\n');
    repo.commit('first');
    repo.write('a.env', `NAME=app\nGITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.git('add', 'a.env');
    repo.write('b.env', `GITHUB_TOKEN=${GITHUB_PAT_2}\n`);

    const run = bulwark(repo.dir, ['scan', '.', '--staged', '--format', 'json']);

    expect(findingLines(run.stdout)).toEqual(['a.env:2 secrets/github-pat']);
    expect(run.status).toBe(1);
  });

  it('finds a secret in a deleted file with --history, once, at its first commit', () => {
    repo.write('old/creds.env', `GITHUB_TOKEN=${GITHUB_PAT}\n`);
    const first = repo.commit('add creds', '2026-01-01T00:00:00Z');
    repo.write('other.env', `# copy\nGITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.commit('copy creds', '2026-01-02T00:00:00Z');
    repo.git('rm', '-q', 'old/creds.env', 'other.env');
    repo.commit('remove creds', '2026-01-03T00:00:00Z');

    const tree = bulwark(repo.dir, ['scan', '.', '--format', 'json']);
    const history = bulwark(repo.dir, ['scan', '.', '--history', '--format', 'json']);

    expect(findingLines(tree.stdout)).toEqual([]);
    expect(tree.status).toBe(0);
    expect(findingLines(history.stdout)).toEqual([
      `old/creds.env:1 secrets/github-pat @${first.slice(0, 7)}`,
    ]);
    expect(history.status).toBe(1);
    const body = JSON.parse(history.stdout) as {
      findings: Array<{ location: Record<string, string> }>;
    };
    expect(body.findings[0]?.location.commitDate).toBe('2026-01-01T00:00:00+00:00');
  });

  it('reports only what is new after `bulwark baseline`', () => {
    repo.write('a.env', `GITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.commit('first');

    const baseline = bulwark(repo.dir, ['baseline', '.']);
    repo.write('a.env', `# moved down\n\nGITHUB_TOKEN=${GITHUB_PAT}\nOTHER=${GITHUB_PAT_2}\n`);
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets', '--format', 'json']);

    expect(baseline.stdout).toMatch(/^wrote 1 finding to .*\.bulwark-baseline\.json\n$/);
    expect(findingLines(run.stdout)).toEqual(['a.env:4 secrets/github-pat']);
  });

  it('blocks a commit through the installed pre-commit hook', () => {
    repo.write('a.txt', 'hello\n');
    repo.commit('first');
    const install = bulwark(repo.dir, ['hook', 'install']);
    expect(install.status).toBe(0);

    repo.write('a.env', `GITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.git('add', 'a.env');
    let failed = '';
    try {
      repo.git('commit', '-q', '-m', 'leak');
    } catch (error) {
      failed = String((error as { stderr?: string }).stderr ?? error);
    }
    expect(failed).toContain('secrets/github-pat');
    expect(failed).toContain(
      'bulwark warn: commit blocked: fix the findings above, or suppress one',
    );
    expectNoFullSecret(failed);

    const again = bulwark(repo.dir, ['hook', 'install']);
    expect(again.status).toBe(0);
  });

  it('refuses to replace a foreign pre-commit hook without --force', () => {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho mine\n');

    const refused = bulwark(repo.dir, ['hook', 'install']);
    const forced = bulwark(repo.dir, ['hook', 'install', '--force']);

    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('a pre-commit hook already exists at');
    expect(forced.status).toBe(0);
    expect(readFileSync(`${repo.dir}/.git/hooks/pre-commit.before-bulwark`, 'utf8')).toBe(
      '#!/bin/sh\necho mine\n',
    );
  });
});

describe('bulwark scan (bad input)', () => {
  it.each([
    [
      'an unknown format',
      ['scan', '.', '--format', 'xml'],
      'bulwark: --format: unknown format xml\n  hint: use text, json or sarif\n',
    ],
    [
      'an unknown severity',
      ['scan', '.', '--fail-on', 'urgent'],
      'bulwark: --fail-on: unknown severity urgent\n  hint: use critical, high, medium, low, info\n',
    ],
    [
      'an unknown scanner',
      ['scan', '.', '--scanners', 'secrets,virus'],
      'bulwark: --scanners: unknown scanner virus\n  hint: use secrets, deps, code, iac\n',
    ],
    [
      'an unknown tier',
      ['scan', '.', '--tier', 'nightly'],
      'bulwark: --tier: unknown tier nightly\n  hint: use commit, pull-request, scheduled\n',
    ],
  ])('%s exits 2 with a clear message', (_name, args, stderr) => {
    const run = bulwark(repo.dir, args);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
  });

  it.each([
    [
      'a missing folder under /proc',
      ['scan', '.', '-o', '/proc/nope/out.json'],
      'bulwark: cannot create the folder /proc/nope (ENOENT)\n  hint: choose a writable path\n',
    ],
    [
      'a baseline file that does not exist',
      ['scan', '.', '--baseline', 'missing.json'],
      'bulwark: baseline file not found: missing.json\n  hint: create it with `bulwark baseline`\n',
    ],
  ])('%s exits 2', (_name, args, stderr) => {
    const run = bulwark(repo.dir, args);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
  });

  it('--history on a repository without commits exits 2', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--history']);
    expect(run.stderr).toBe(
      `bulwark: ${repo.dir} has no commits yet\n  hint: commit first, or scan the tree without --history\n`,
    );
    expect(run.status).toBe(2);
  });

  it('a path that does not exist exits 2', () => {
    const run = bulwark(repo.dir, ['scan', 'no/such/folder']);
    expect(run.stderr).toBe(
      'bulwark: no/such/folder does not exist\n  hint: pass a folder or a file to scan\n',
    );
    expect(run.status).toBe(2);
  });

  it('an empty scanner list exits 2', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', '']);
    expect(run.stderr).toBe(
      'bulwark: --scanners: no scanner named\n  hint: use secrets, deps, code, iac\n',
    );
    expect(run.status).toBe(2);
  });

  it('an unknown ref for --since exits 2', () => {
    repo.write('a.txt', 'x\n');
    repo.commit('first');
    const run = bulwark(repo.dir, ['scan', '.', '--since', 'no-such-branch']);
    expect(run.stderr).toBe(
      'bulwark: unknown git ref: no-such-branch\n  hint: fetch it first, for example `git fetch origin main`\n',
    );
    expect(run.status).toBe(2);
  });

  it('a broken bulwark.yaml exits 2 naming file, line and column', () => {
    repo.write('bulwark.yaml', 'version: 1\nfailOn: hgh\n');
    const run = bulwark(repo.dir, ['scan', '.']);
    expect(run.stderr).toContain('bulwark.yaml:2:1: failOn: Invalid option');
    expect(run.status).toBe(2);
  });

  it('a corrupt baseline exits 2 and says how to fix it', () => {
    repo.write('.bulwark-baseline.json', '{"version": 1, "findings": [');
    const run = bulwark(repo.dir, ['scan', '.']);
    expect(run.stderr).toMatch(
      /\.bulwark-baseline\.json: baseline is not valid JSON: .*\n {2}hint: regenerate it with `bulwark baseline`\n$/,
    );
    expect(run.status).toBe(2);
  });
});
