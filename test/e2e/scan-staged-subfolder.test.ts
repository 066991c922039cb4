import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark, findingLines } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('README.md', 'hello\n');
  repo.commit('first');
});
afterEach(() => repo.remove());

describe('bulwark scan --staged in a sub-folder of the repository', () => {
  beforeEach(() => {
    repo.write('app/config.js', `const key = "${KEY}";\n`);
    repo.git('add', 'app/config.js');
  });

  it.each([
    ['named as the target', '', 'app'],
    ['when run from inside the sub-folder', 'app', '.'],
  ])('reads the staged blobs of a sub-folder %s', (_, cwd, target) => {
    const run = bulwark(join(repo.dir, cwd), [
      'scan',
      target,
      '--staged',
      '--scanners',
      'secrets',
      '-f',
      'json',
    ]);
    expect(run.status).toBe(1);
    expect(findingLines(run.stdout)).toEqual(['config.js:1 secrets/stripe-secret-key']);
  });
});
