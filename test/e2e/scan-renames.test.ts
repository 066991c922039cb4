import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark, findingLines } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

// Fake credentials in the real format (valid checksums), planted in a throwaway repository.
const GITHUB_PAT = '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';
const GITHUB_PAT_2 = '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';

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('old.env', `NAME=app\nGITHUB_TOKEN=${GITHUB_PAT}\n`);
  repo.commit('add settings');
});
afterEach(() => repo.remove());

const SCAN = ['scan', '.', '--scanners', 'secrets', '--format', 'json'];

describe('renamed files in staged and changed scans', () => {
  it('a pure rename has no changed lines with --staged', () => {
    repo.git('mv', 'old.env', 'new.env');

    const run = bulwark(repo.dir, [...SCAN, '--staged']);

    expect(findingLines(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('a pure rename has no changed lines with --since', () => {
    repo.git('mv', 'old.env', 'new.env');
    repo.commit('rename');

    const run = bulwark(repo.dir, [...SCAN, '--since', 'HEAD~1']);

    expect(findingLines(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('a pure rename into another folder has no changed lines', () => {
    mkdirSync(join(repo.dir, 'config'));
    repo.git('mv', 'old.env', 'config/new.env');

    const run = bulwark(repo.dir, [...SCAN, '--staged']);

    expect(findingLines(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('a rename with edits reports only the edited lines, with --staged and --since', () => {
    repo.git('mv', 'old.env', 'new.env');
    repo.write('new.env', `NAME=app\nGITHUB_TOKEN=${GITHUB_PAT}\nOTHER_TOKEN=${GITHUB_PAT_2}\n`);
    repo.git('add', 'new.env');

    const staged = bulwark(repo.dir, [...SCAN, '--staged']);
    repo.commit('rename and add a token');
    const since = bulwark(repo.dir, [...SCAN, '--since', 'HEAD~1']);

    expect(findingLines(staged.stdout)).toEqual(['new.env:3 secrets/github-pat']);
    expect(staged.status).toBe(1);
    expect(findingLines(since.stdout)).toEqual(['new.env:3 secrets/github-pat']);
    expect(since.status).toBe(1);
  });

  it('detects renames even when the user turned them off in git config', () => {
    repo.git('config', 'diff.renames', 'false');
    repo.git('mv', 'old.env', 'new.env');

    const run = bulwark(repo.dir, [...SCAN, '--staged']);

    expect(findingLines(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('a copy under a new name is still reported as added', () => {
    repo.write('copy.env', `NAME=app\nGITHUB_TOKEN=${GITHUB_PAT}\n`);
    repo.git('add', 'copy.env');

    const run = bulwark(repo.dir, [...SCAN, '--staged']);

    expect(findingLines(run.stdout)).toEqual(['copy.env:2 secrets/github-pat']);
    expect(run.status).toBe(1);
  });
});
