import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../src/core/errors.js';
import { defaultConfig } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import { silentLogger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import {
  countCommits,
  gitLogArgs,
  resolveRange,
} from '../../../src/scanners/secrets/history-git.js';
import { scanHistory, slicesOf } from '../../../src/scanners/secrets/history.js';
import { githubToken, npmToken } from './sample-secrets.js';

// Which sighting of a secret counts as its introduction: the oldest commit in git's order,
// whatever the dates say, and within one commit the first file git lists.
const BACKDATED = githubToken('ghp_');
const TWICE = npmToken();
const MERGED = githubToken('gho_');
const repo = mkdtempSync(join(tmpdir(), 'bulwark-history-order-'));
const ids: Record<string, string> = {};

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

/** Commit `files` (null: delete) as `name`, authored and committed at `date`. */
function commit(name: string, date: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) unlinkSync(join(repo, path));
    else writeFileSync(join(repo, path), text);
  }
  git('add', '-A');
  execFileSync('git', ['commit', '-q', '-m', name], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  ids[name] = git('rev-parse', 'HEAD');
}

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Ada Lovelace');
  git('config', 'user.email', 'ada@example.com');
  commit('base', '2021-06-01T00:00:00+00:00', { 'readme.txt': 'hello\n' });
  // Dates run backwards: the child is dated before its parent.
  commit('adds', '2021-01-01T00:00:00+00:00', { 'one.env': `TOKEN=${BACKDATED}\n` });
  commit('copies', '2020-01-01T00:00:00+00:00', { 'two.env': `# copy\nTOKEN=${BACKDATED}\n` });
  commit('both', '2021-07-01T00:00:00+00:00', {
    'b.env': `NPM_TOKEN=${TWICE}\n`,
    'a.env': `\nNPM_TOKEN=${TWICE}\n`,
  });
  // A commit that only deletes a file: git still lists it, so slices count it alike.
  commit('drops', '2021-07-02T00:00:00+00:00', { 'readme.txt': null });
  // Two branches add the same token at the same second, then merge.
  git('checkout', '-q', '-b', 'side');
  commit('side', '2021-08-01T00:00:00+00:00', { 'side.env': `TOKEN=${MERGED}\n` });
  git('checkout', '-q', 'main');
  commit('main', '2021-08-01T00:00:00+00:00', { 'main.env': `TOKEN=${MERGED}\n` });
  execFileSync('git', ['merge', '-q', '--no-edit', 'side'], {
    cwd: repo,
    env: { ...process.env, GIT_COMMITTER_DATE: '2021-08-02T00:00:00+00:00' },
  });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

async function history(range: string, slices?: number): Promise<Finding[]> {
  const context = {
    root: repo,
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    range,
  };
  const out: Finding[] = [];
  for await (const finding of scanHistory(context, { slices })) out.push(finding);
  return out;
}

const where = (f: Finding): string[] => [
  f.ruleId,
  f.location.path,
  String(f.location.startLine),
  f.location.commit ?? '',
  f.location.commitDate ?? '',
];

describe('scanHistory: the commit that introduced a secret', () => {
  it('is the last of its commits in the order git lists them', () => {
    // The order the expectations below rely on: newest first, the merge's side last.
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    expect(
      git('log', '--format=%H')
        .split('\n')
        .slice(1)
        .map((id) => names[id]),
    ).toEqual(['main', 'side', 'drops', 'both', 'copies', 'adds', 'base']);
  });

  it.each([2, 3, 4, 7])('is read whole and once by %i git processes', (slices) => {
    const log = (args: string[]): string =>
      execFileSync('git', args, { cwd: repo, encoding: 'latin1', maxBuffer: 1 << 24 });
    const revs = resolveRange(repo, 'HEAD');
    const parts = slicesOf(countCommits(repo, revs), slices).map((slice) =>
      log(gitLogArgs(revs, slice.skip, slice.count)),
    );
    expect(parts.every((part) => part.startsWith('\x01'))).toBe(true);
    expect(parts.join('')).toBe(log(gitLogArgs(revs)));
  });

  it.each([1, 2, 3, 7])('is found the same way by %i git processes', async (slices) => {
    expect((await history('HEAD', slices)).map(where)).toEqual([
      ['secrets/github-pat', 'one.env', '1', ids.adds, '2021-01-01T00:00:00+00:00'],
      ['secrets/npm-access-token', 'a.env', '2', ids.both, '2021-07-01T00:00:00+00:00'],
      ['secrets/github-oauth-token', 'side.env', '1', ids.side, '2021-08-01T00:00:00+00:00'],
    ]);
  });

  it('is the oldest commit of the range, not of the whole history', async () => {
    expect((await history(`${ids.adds}..${ids.both}`, 2)).map(where)).toEqual([
      ['secrets/github-pat', 'two.env', '2', ids.copies, '2020-01-01T00:00:00+00:00'],
      ['secrets/npm-access-token', 'a.env', '2', ids.both, '2021-07-01T00:00:00+00:00'],
    ]);
  });

  it('finds nothing in an empty range', async () => {
    expect(await history(`${ids.both}..${ids.both}`)).toEqual([]);
  });

  it('refuses a range that names no commits', async () => {
    const error = await history('--output=/tmp/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulwarkError);
    expect((error as BulwarkError).describe()).toBe(
      '--history "--output=/tmp/x" is not a revision range\n  hint: give commits, such as HEAD or v1.0..HEAD',
    );
  });
});

describe('slicesOf', () => {
  it.each([
    [10, 1, [{ skip: 0 }]],
    [10, 3, [{ skip: 0, count: 3 }, { skip: 3, count: 3 }, { skip: 6 }]],
    [2, 4, [{ skip: 0, count: 1 }, { skip: 1 }]],
    [1001, 2, [{ skip: 0, count: 500 }, { skip: 500 }]],
  ])('divides %i commits into %i slices', (total, wanted, expected) => {
    expect(slicesOf(total, wanted)).toEqual(expected);
  });

  it('keeps small histories to one git process', () => {
    expect(slicesOf(999)).toEqual([{ skip: 0 }]);
  });
});
