import { afterEach, describe, expect, it } from 'vitest';

import { discoverFiles, type DiscoveryOptions } from '../../src/core/file-discovery.js';
import type { Logger } from '../../src/core/logger.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

/** A logger that keeps its warnings. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const none = (): void => undefined;
  return { warnings, debug: none, info: none, error: none, warn: (m: string) => warnings.push(m) };
}

function discover(dir: string, options: Partial<DiscoveryOptions> = {}) {
  const logger = recordingLogger();
  const discovery = discoverFiles({
    root: dir,
    mode: 'all',
    maxFileSize: 1000,
    ignore: [],
    logger,
    ...options,
  });
  const paths = discovery.files.map((f) => `${f.path}:${f.size}${f.oversized ? ':big' : ''}`);
  return { paths: paths.sort(), skipped: discovery.skipped, warnings: logger.warnings };
}

describe('discoverFiles outside git', () => {
  it('skips .git folders and files in any letter case, at any depth, without ignore files', () => {
    repo = tempRepo({ git: false });
    repo.write('a.txt', 'aa');
    repo.write('.git/config', 'x');
    repo.write('sub/.GIT/HEAD', 'x');
    repo.write('sub/.git', 'gitdir: elsewhere');
    repo.write('sub/.gitkeep', '');
    repo.write('sub/deep/b.js', 'bbb');

    expect(discover(repo.dir).paths).toEqual(['a.txt:2', 'sub/.gitkeep:0', 'sub/deep/b.js:3']);
  });

  it('applies a nested .gitignore below its folder only, with negations and parent rules', () => {
    repo = tempRepo({ git: false });
    repo.write('.gitignore', '*.log\nbuild/\n');
    repo.write('x.log', 'x');
    repo.write('build/out.js', 'x');
    repo.write('src/build.js', 'x');
    repo.write('src/.gitignore', '/local.txt\n*.tmp\n!keep.tmp\n');
    repo.write('src/local.txt', 'x');
    repo.write('src/a.tmp', 'x');
    repo.write('src/keep.tmp', 'x');
    repo.write('src/deep/local.txt', 'x');
    repo.write('src/deep/y.log', 'x');
    repo.write('local.txt', 'x');
    repo.write('other/a.tmp', 'x');

    expect(discover(repo.dir).paths).toEqual([
      '.gitignore:13',
      'local.txt:1',
      'other/a.tmp:1',
      'src/.gitignore:27',
      'src/build.js:1',
      'src/deep/local.txt:1',
      'src/keep.tmp:1',
    ]);
  });

  it('applies bulwark.yaml patterns and .bulwarkignore, counting what they skip', () => {
    repo = tempRepo({ git: false });
    repo.write('.bulwarkignore', 'vendor/\n');
    repo.write('vendor/lib.js', 'x');
    repo.write('fixtures/a.json', 'x');
    repo.write('src/a.js', 'x');

    const found = discover(repo.dir, { ignore: ['fixtures/**'] });

    expect(found.paths).toEqual(['.bulwarkignore:8', 'src/a.js:1']);
    expect(found.skipped).toEqual({ tooLarge: 0, ignored: 2 });
  });

  it('skips files over the size limit with one warning, keeping those a scanner reads whole', () => {
    repo = tempRepo({ git: false });
    for (const name of ['a', 'b', 'c', 'd']) repo.write(`${name}.txt`, 'y'.repeat(1001));
    repo.write('package-lock.json', 'z'.repeat(2000));
    repo.write('ok.txt', 'y'.repeat(1000));

    const found = discover(repo.dir, { keepLarge: (path) => path === 'package-lock.json' });

    expect(found.paths).toEqual(['ok.txt:1000', 'package-lock.json:2000:big']);
    expect(found.skipped).toEqual({ tooLarge: 4, ignored: 0 });
    expect(found.warnings).toHaveLength(1);
    expect(found.warnings[0]).toMatch(
      /^skipped 4 file\(s\) larger than 1000 bytes: .+ and 1 more;/,
    );
  });
});
