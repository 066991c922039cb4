import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bulwark, findingLines } from '../helpers/cli.js';
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

// More fake credentials in the real formats, for the suppression and ignore cases below.
const GITHUB_PAT_2 = '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';
const AWS_SECRET = 'zOjbeQTDcmWq8v1Od9indkoE9qJCtK2p55v+0wv1';
const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const NPM_TOKEN = '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';

interface JsonReport {
  findings: JsonFinding[];
  summary: { suppressed: { inline: number; baseline: number; outsideChange: number } };
}

/** A run's findings as `path:line rule @commit`, its inline-suppressed count and exit code. */
function outcome(dir: string, args: string[]): [string[], number, number] {
  const run = bulwark(dir, ['scan', ...args, '--scanners', 'secrets', '--format', 'json']);
  const report = JSON.parse(run.stdout) as JsonReport;
  return [findingLines(run.stdout), report.summary.suppressed.inline, run.status];
}

describe('bulwark scan --history with bulwark-ignore comments and ignored paths', () => {
  let small: TempRepo;
  let first: string;
  let second: string;
  const short = (id: string): string => id.slice(0, 7);
  beforeAll(() => {
    small = tempRepo();
    // Suppressed: with a rule id or without, on the secret's line or alone on the line above.
    small.write(
      'fixture.env',
      `STRIPE_KEY=${STRIPE_KEY} # bulwark-ignore secrets/stripe-secret-key: fixture\n`,
    );
    small.write('inline.env', `TOKEN=${GITHUB_PAT} # bulwark-ignore\n`);
    small.write(
      'above.env',
      `# settings\n# bulwark-ignore secrets/github-pat: sample\nTOKEN=${GITHUB_PAT_2}\n`,
    );
    small.write(
      'above-any.ini',
      `[default]\n# bulwark-ignore\naws_secret_access_key = ${AWS_SECRET}\n`,
    );
    small.write('ok.txt', `NPM_TOKEN=${NPM_TOKEN}\n`);
    first = small.commit('fixtures', '2026-01-01T00:00:00Z');
    // A comment naming another rule suppresses nothing; re-adding a suppressed line (a new
    // reason) adds no second count.
    small.write(
      'wrong.ini',
      `aws_access_key_id = ${AWS_KEY_ID} # bulwark-ignore secrets/github-pat\n`,
    );
    small.write(
      'fixture.env',
      `STRIPE_KEY=${STRIPE_KEY} # bulwark-ignore secrets/stripe-secret-key: Stripe's test fixture\n`,
    );
    second = small.commit('more', '2026-01-02T00:00:00Z');
  });
  afterAll(() => small.remove());

  it('does not report lines a comment in their commit suppresses, and counts them', () => {
    expect(outcome(small.dir, ['.', '--history'])).toEqual([
      [
        `ok.txt:1 secrets/npm-access-token @${short(first)}`,
        `wrong.ini:1 secrets/aws-access-key-id @${short(second)}`,
      ],
      4,
      1,
    ]);
    // The tree scan agrees.
    expect(outcome(small.dir, ['.'])).toEqual([
      ['ok.txt:1 secrets/npm-access-token', 'wrong.ini:1 secrets/aws-access-key-id'],
      4,
      1,
    ]);
  });

  it('counts a line suppressed in the tree and in history once (scheduled tier)', () => {
    expect(outcome(small.dir, ['.', '--tier', 'scheduled'])).toEqual([
      ['ok.txt:1 secrets/npm-access-token', 'wrong.ini:1 secrets/aws-access-key-id'],
      4,
      1,
    ]);
  });

  it('leaves out paths in .bulwarkignore, and exits 0 when nothing else is left', () => {
    small.write('.bulwarkignore', 'ok.txt\n');
    try {
      expect(outcome(small.dir, ['.', '--history'])).toEqual([
        [`wrong.ini:1 secrets/aws-access-key-id @${short(second)}`],
        4,
        1,
      ]);
      expect(outcome(small.dir, ['.', '--history', first])).toEqual([[], 4, 0]);
    } finally {
      rmSync(join(small.dir, '.bulwarkignore'));
    }
  });

  it("leaves out paths in bulwark.yaml's ignore:", () => {
    small.write('bulwark.yaml', 'version: 1\nignore:\n  - ok.txt\n');
    try {
      expect(outcome(small.dir, ['.', '--history'])).toEqual([
        [`wrong.ini:1 secrets/aws-access-key-id @${short(second)}`],
        4,
        1,
      ]);
    } finally {
      rmSync(join(small.dir, 'bulwark.yaml'));
    }
  });

  it('reports a secret at the commit that added it without a comment, though a later one added it', () => {
    const repo2 = tempRepo();
    try {
      repo2.write('app.env', `TOKEN=${GITHUB_PAT}\n`);
      const bare = repo2.commit('token', '2026-01-01T00:00:00Z');
      repo2.write('app.env', `TOKEN=${GITHUB_PAT} # bulwark-ignore secrets/github-pat\n`);
      repo2.commit('suppress it', '2026-01-02T00:00:00Z');
      expect(outcome(repo2.dir, ['.', '--history'])).toEqual([
        [`app.env:1 secrets/github-pat @${short(bare)}`],
        0,
        1,
      ]);
      expect(outcome(repo2.dir, ['.'])).toEqual([[], 1, 0]);
    } finally {
      repo2.remove();
    }
  });
});
