import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  repo.write('config.js', 'module.exports = {};\n');
  repo.commit('add config');
});
afterEach(() => repo.remove());

describe('output paths that cannot be written', () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(`scan -o under a file exits 2 naming the file in the way (${format})`, () => {
      const run = bulwark(repo.dir, ['scan', '.', '--format', format, '-o', 'config.js/x.json']);

      expect(run.stderr).toBe(
        `bulwark: cannot write ${join(repo.dir, 'config.js/x.json')}: ` +
          `${join(repo.dir, 'config.js')} is a file, not a folder\n` +
          '  hint: choose a path inside a folder, or move the file that is in the way\n',
      );
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
    });
  }

  it('scan -o with a missing folder under a file exits 2', () => {
    const run = bulwark(repo.dir, ['scan', '.', '-o', 'config.js/reports/x.json']);

    expect(run.stderr).toBe(
      `bulwark: cannot write ${join(repo.dir, 'config.js/reports/x.json')}: ` +
        `${join(repo.dir, 'config.js')} is a file, not a folder\n` +
        '  hint: choose a path inside a folder, or move the file that is in the way\n',
    );
    expect(run.status).toBe(2);
  });

  it('scan -o naming a folder exits 2', () => {
    mkdirSync(join(repo.dir, 'reports', 'old'), { recursive: true });

    const run = bulwark(repo.dir, ['scan', '.', '-o', 'reports']);

    expect(run.stderr).toBe(
      `bulwark: cannot write ${join(repo.dir, 'reports')}: ${join(repo.dir, 'reports')} is a folder\n` +
        '  hint: name a file, not a folder, or remove the folder first\n',
    );
    expect(run.status).toBe(2);
  });

  it('baseline --output under a file exits 2 naming the file in the way', () => {
    const run = bulwark(repo.dir, ['baseline', '.', '--output', 'config.js/base.json']);

    expect(run.stderr).toBe(
      `bulwark: cannot write ${join(repo.dir, 'config.js/base.json')}: ` +
        `${join(repo.dir, 'config.js')} is a file, not a folder\n` +
        '  hint: choose a path inside a folder, or move the file that is in the way\n',
    );
    expect(run.status).toBe(2);
  });
});
