import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

// Fake credentials in the real formats (valid checksums), planted in a folder large enough
// (several megabytes) that the built CLI scans it on worker threads.
const GITHUB_PAT = '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';
const AWS_KEY_ID = 'AKIAMOY2M4AZBEYXLRJC';

/** About `bytes` of source-like text that holds no secret but many common keywords. */
function filler(bytes: number): string {
  const line = 'const pathPattern = resolvePath(token.type, options.secretName); // re_use\n';
  return line.repeat(Math.ceil(bytes / line.length));
}

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo({ git: false });
});
afterEach(() => repo.remove());

describe('bulwark scan (secrets, on worker threads)', () => {
  it('finds secrets in large, minified, non-ASCII and grown-buffer files alike', () => {
    for (let i = 0; i < 30; i++) repo.write(`lib/module-${i}.js`, filler(100_000));
    repo.write('lib/module-7.js', `${filler(50_000)}const t = "${GITHUB_PAT}";\n${filler(50_000)}`);
    repo.write('dist/app.min.js', `${filler(200_000).replace(/\n/g, ' ')}var k="${GITHUB_PAT}";`);
    repo.write('docs/café.md', `# Réglages — clés\n\nclé : ${AWS_KEY_ID}\n`);
    repo.write('big/data.txt', `${filler(1_500_000)}aws_key = ${AWS_KEY_ID}\n`);
    repo.write('bin/blob.dat', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(GITHUB_PAT)]));

    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets', '-f', 'json']);

    expect(run.status).toBe(1);
    const body = JSON.parse(run.stdout) as {
      findings: Array<{
        ruleId: string;
        location: { path: string; startLine: number; startColumn: number };
      }>;
    };
    const lines = filler(50_000).split('\n').length;
    expect(
      body.findings.map(
        (f) => `${f.location.path}:${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`,
      ),
    ).toEqual([
      `big/data.txt:${filler(1_500_000).split('\n').length}:11 secrets/aws-access-key-id`,
      `dist/app.min.js:1:${filler(200_000).length + 8} secrets/github-pat`,
      'docs/café.md:3:7 secrets/aws-access-key-id',
      `lib/module-7.js:${lines}:12 secrets/github-pat`,
    ]);
  });
});
