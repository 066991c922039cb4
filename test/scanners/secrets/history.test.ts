import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../src/core/errors.js';
import { defaultConfig } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import { silentLogger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import { scanHistory } from '../../../src/scanners/secrets/history.js';
import { secretsScanner } from '../../../src/scanners/secrets/index.js';

const PAT = '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';
const NPM = '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';
const repo = mkdtempSync(join(tmpdir(), 'bulwark-history-'));
const commits: string[] = [];

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

function commit(date: string, author: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(repo, path);
    if (text === null) unlinkSync(abs);
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  git('add', '-A');
  const [name, email] = author.split(/ <|>/);
  execFileSync('git', ['commit', '-q', '-m', `change ${commits.length + 1}`], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
      GIT_COMMITTER_DATE: date,
    },
  });
  commits.push(git('rev-parse', 'HEAD'));
}

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  commit('2021-03-01T10:00:00+00:00', 'Ada Lovelace <ada@example.com>', {
    'config.env': `# settings\nGITHUB_TOKEN=${PAT}\n`,
    'README.md': 'token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
  });
  commit('2021-03-02T11:00:00+00:00', 'Alan Turing <alan@example.com>', {
    'old/deploy.sh': `#!/bin/sh\n\nexport NPM_TOKEN=${NPM}\nnpm publish\n`,
    'docs/copy of token.txt': `again ${PAT}\n`,
  });
  commit('2021-03-03T12:00:00+00:00', 'Alan Turing <alan@example.com>', {
    'old/deploy.sh': null,
    'config.env': `# settings\n# more\nGITHUB_TOKEN=${PAT}\nOTHER=1\n`,
  });
  commit('2021-03-04T13:00:00+00:00', 'Ada Lovelace <ada@example.com>', {
    'scripts/publish.sh': `NPM_TOKEN=${NPM}\n`,
  });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

async function history(range: string, slices?: number): Promise<Finding[]> {
  const out: Finding[] = [];
  const context = {
    root: repo,
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    range,
  };
  const scan =
    slices === undefined ? secretsScanner.scanHistory : () => scanHistory(context, { slices });
  if (!scan) throw new Error('secrets scanner has no history scan');
  for await (const finding of scan(context)) out.push(finding);
  return out;
}

describe('secretsScanner.scanHistory', () => {
  it('reports each secret once, at the commit that introduced it', async () => {
    const found = await history('HEAD');
    expect(found.map((f) => [f.ruleId, f.location, f.evidence])).toEqual([
      [
        'secrets/github-pat',
        {
          path: 'config.env',
          startLine: 2,
          startColumn: 14,
          endLine: 2,
          endColumn: 54,
          commit: commits[0],
          commitDate: '2021-03-01T10:00:00+00:00',
          author: 'Ada Lovelace <ada@example.com>',
        },
        'GITHUB_TOKEN=ghp_************',
      ],
      [
        'secrets/npm-access-token',
        {
          path: 'old/deploy.sh',
          startLine: 3,
          startColumn: 18,
          endLine: 3,
          endColumn: 58,
          commit: commits[1],
          commitDate: '2021-03-02T11:00:00+00:00',
          author: 'Alan Turing <alan@example.com>',
        },
        'export NPM_TOKEN=npm_************',
      ],
    ]);
  });

  it.each([1, 2, 3, 4])(
    'gives the same findings with the history shared by %i git processes',
    async (slices) => {
      const found = await history('HEAD', slices);
      expect(found.map((f) => [f.ruleId, f.location.path, f.location.commit])).toEqual([
        ['secrets/github-pat', 'config.env', commits[0]],
        ['secrets/npm-access-token', 'old/deploy.sh', commits[1]],
      ]);
    },
  );

  it('scans only the lines added by the commits in the range', async () => {
    // The third commit moves the token down a line without changing it, so it adds nothing.
    const found = await history(`${commits[1]}..HEAD`);
    expect(
      found.map((f) => [f.ruleId, f.location.path, f.location.startLine, f.location.commit]),
    ).toEqual([['secrets/npm-access-token', 'scripts/publish.sh', 1, commits[3]]]);
  });

  it('fails with a usable message when git cannot be run', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await history('HEAD').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulwarkError);
      expect((error as BulwarkError).describe()).toBe(
        `${repo}: could not run git: spawnSync git ENOENT\n  hint: install git`,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('fails with the range named when git cannot read it', async () => {
    const error = await history('no-such-ref').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulwarkError);
    expect((error as BulwarkError).message).toMatch(
      /^git could not read the range "no-such-ref": fatal: /,
    );
  });
});
