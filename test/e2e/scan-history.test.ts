import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

// Fake credentials in the real formats (valid checksums).
const GITHUB_PAT = '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';
const AWS_KEY_ID = 'AKIAMOY2M4AZBEYXLRJC';

/** Commits in the generated history: enough for two git processes and several pieces. */
const COMMITS = 1200;

/** Secrets planted by commit number (1-based): path, text, and the line of the secret. */
const PLANTED = new Map<number, { path: string; text: string }>([
  [10, { path: 'config/a.env', text: `# first\nGITHUB_TOKEN=${GITHUB_PAT}\n` }],
  [700, { path: 'deploy/keys.ini', text: `[default]\naws_access_key_id = ${AWS_KEY_ID}\n` }],
  [701, { path: 'deploy/again.ini', text: `aws_access_key_id = ${AWS_KEY_ID}\n` }],
  [1150, { path: 'config/b.env', text: `GITHUB_TOKEN=${GITHUB_PAT}\n` }],
]);

/** About 3 KB of code-like text that holds no secret. */
function filler(i: number): string {
  const lines = [];
  for (let n = 0; n < 60; n++) lines.push(`export const value${i}_${n} = compute(${i * n}, 'x');`);
  return `${lines.join('\n')}\n`;
}

/** Build the history with git fast-import; returns commit ids by commit number. */
function buildHistory(repo: TempRepo): Map<number, string> {
  const parts: string[] = [];
  for (let i = 1; i <= COMMITS; i++) {
    const file = PLANTED.get(i) ?? { path: `src/f${i}.ts`, text: filler(i) };
    const when = 1_600_000_000 + i * 60;
    parts.push(
      `commit refs/heads/main\nmark :${i}\n`,
      `committer Dev <dev@example.com> ${when} +0000\ndata 7\nchange\n`,
      i > 1 ? `from :${i - 1}\n` : '',
      `M 100644 inline ${file.path}\ndata ${Buffer.byteLength(file.text)}\n${file.text}\n`,
    );
  }
  const marks = join(repo.dir, '.git', 'test-marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
    cwd: repo.dir,
    input: parts.join(''),
  });
  repo.git('reset', '-q', '--hard', 'main');
  const ids = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').trim().split('\n')) {
    const [mark, id] = line.split(' ');
    ids.set(Number(mark.slice(1)), id);
  }
  return ids;
}

let repo: TempRepo;
let ids: Map<number, string>;
beforeAll(() => {
  repo = tempRepo();
  ids = buildHistory(repo);
});
afterAll(() => repo.remove());

interface JsonFinding {
  ruleId: string;
  location: { path: string; startLine: number; commit?: string; commitDate?: string };
}

describe('bulwark scan --history (end to end, worker threads)', () => {
  it('reports each secret once, at its first commit, from a history read in slices', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--history', '--format', 'json']);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(
      findings.map((f) => [
        f.ruleId,
        f.location.path,
        f.location.startLine,
        f.location.commit,
        f.location.commitDate,
      ]),
    ).toEqual([
      ['secrets/github-pat', 'config/a.env', 2, ids.get(10), '2020-09-13T12:36:40+00:00'],
      [
        'secrets/aws-access-key-id',
        'deploy/keys.ini',
        2,
        ids.get(700),
        '2020-09-14T00:06:40+00:00',
      ],
    ]);
  });
});
