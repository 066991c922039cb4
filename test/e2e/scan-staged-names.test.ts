import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark, findingLines } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

// Fake credentials in the real formats (valid checksums), planted in a throwaway repository.
const GITHUB_PAT = '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';
const GITHUB_PAT_2 = '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';
const STRIPE_KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

// Git writes each of the first four names quoted in a diff (the first two whatever
// core.quotePath says); the rest are plain. Every file after a quoted one must still be read.
const FILES: ReadonlyArray<[string, string]> = [
  ['new\nline.yml', `tok: ${GITHUB_PAT}\n`],
  ['tab\tname.yml', `tok: ${GITHUB_PAT_2}\n`],
  ['café.yml', `key: ${STRIPE_KEY}\n`],
  ['sp ace.yml', `tok: ${GITHUB_PAT}\n`],
  ['oa.yml', `tok: ${GITHUB_PAT_2}\n`],
  ['ob.yml', `key: ${STRIPE_KEY}\n`],
];

const EXPECTED = [
  'café.yml:1 secrets/stripe-secret-key',
  'new\nline.yml:1 secrets/github-pat',
  'oa.yml:1 secrets/github-pat',
  'ob.yml:1 secrets/stripe-secret-key',
  'sp ace.yml:1 secrets/github-pat',
  'tab\tname.yml:1 secrets/github-pat',
];

const found = (stdout: string): string[] => findingLines(stdout).sort();

/** A secrets scan of the repository as JSON, with `args` choosing the changed lines. */
const scan = (...args: string[]) =>
  bulwark(repo.dir, ['scan', '.', ...args, '--scanners', 'secrets', '-f', 'json']);

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('README.md', 'hello\n');
  repo.commit('first');
});
afterEach(() => repo.remove());

describe('changed-line scans of files with names git quotes', () => {
  it('--staged reports the secret of every file, quoted names and the files after them', () => {
    for (const [path, content] of FILES) repo.write(path, content);
    repo.git('add', '-A');
    const run = scan('--staged');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(EXPECTED);
  });

  it('--staged with core.quotePath off reports the same', () => {
    repo.git('config', 'core.quotePath', 'false');
    for (const [path, content] of FILES) repo.write(path, content);
    repo.git('add', '-A');
    const run = scan('--staged');
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(EXPECTED);
  });

  it('--since reports the secret of every file committed on a branch', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    for (const [path, content] of FILES) repo.write(path, content);
    repo.commit('add files');
    const run = scan('--since', 'main');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(EXPECTED);
  });

  it('--since reports a secret already in the base on a line the branch changed, in every file', () => {
    for (const [path, content] of FILES) repo.write(path, content);
    repo.commit('add files');
    repo.git('checkout', '-q', '-b', 'feature');
    for (const [path, content] of FILES) repo.write(path, content.replace('\n', ' # rotated\n'));
    repo.commit('edit files');
    const run = scan('--since', 'main');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(EXPECTED);
  });

  it('--staged reports only the added line of a renamed and edited file with a newline in its name', () => {
    repo.write('old\nname.yml', 'a: 1\nb: 2\nc: 3\nd: 4\n');
    repo.commit('second');
    repo.git('mv', 'old\nname.yml', 'new\nname.yml');
    repo.write('new\nname.yml', `a: 1\nb: 2\nc: 3\nd: 4\ntok: ${GITHUB_PAT}\n`);
    repo.git('add', '-A');
    const run = scan('--staged');
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(['new\nname.yml:5 secrets/github-pat']);
  });
});
