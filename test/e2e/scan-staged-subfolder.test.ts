import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('README.md', 'hello\n');
  repo.commit('first');
});
afterEach(() => repo.remove());

interface Report {
  findings: Array<{ ruleId: string; location: { path: string; startLine: number } }>;
}

const found = (stdout: string): string[] =>
  (JSON.parse(stdout) as Report).findings.map(
    (f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`,
  );

describe('bulwark scan --staged in a sub-folder of the repository', () => {
  beforeEach(() => {
    repo.write('app/config.js', `const key = "${KEY}";\n`);
    repo.git('add', 'app/config.js');
  });

  it('reads the staged blobs of a sub-folder named as the target', () => {
    const run = bulwark(repo.dir, [
      'scan',
      'app',
      '--staged',
      '--scanners',
      'secrets',
      '-f',
      'json',
    ]);
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(['config.js:1 secrets/stripe-secret-key']);
  });

  it('reads them when run from inside the sub-folder', () => {
    const run = bulwark(join(repo.dir, 'app'), [
      'scan',
      '.',
      '--staged',
      '--scanners',
      'secrets',
      '-f',
      'json',
    ]);
    expect(run.status).toBe(1);
    expect(found(run.stdout)).toEqual(['config.js:1 secrets/stripe-secret-key']);
  });
});
