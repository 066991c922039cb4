import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/shared.js';
import { cleanEnv, tempDir } from './helpers/proxy.js';

/** Run the CLI from source to completion: exit code, stderr and stdout. */
function bulwarkProxy(args: string[], cache: string): [number | null, string, string] {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'proxy', ...args],
    {
      cwd: repoRoot,
      env: cleanEnv({ XDG_CACHE_HOME: cache, NO_COLOR: '1' }),
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return [run.status, run.stderr, run.stdout];
}

const FIX =
  'move it aside (or delete it) to start with an empty cache and decision log, or pass --storage <another directory>';

describe('a damaged proxy storage directory', () => {
  const dir = tempDir('proxy-damaged');
  const cache = join(dir.path, 'cache');

  afterAll(() => dir.remove());

  /** A storage directory holding `make`'s damage. */
  const storage = (name: string, make: (root: string) => void): string => {
    const root = join(dir.path, name);
    mkdirSync(root, { recursive: true });
    make(root);
    return root;
  };
  const serve = (root: string) =>
    bulwarkProxy(
      [
        '--without-advisories',
        '--upstream',
        'http://127.0.0.1:9/',
        '--port',
        '0',
        '--storage',
        root,
      ],
      cache,
    );
  const log = (root: string) => bulwarkProxy(['log', '--storage', root], cache);

  it('names a proxy.sqlite full of junk bytes and exits 2, at start-up and for `proxy log`', () => {
    const root = storage('junk', (r) =>
      writeFileSync(join(r, 'proxy.sqlite'), Buffer.alloc(4096, 'junk, not a database ')),
    );
    const line = `bulwark: the proxy database ${join(root, 'proxy.sqlite')} is not a readable SQLite database (SQLITE_NOTADB); ${FIX}\n`;

    expect(serve(root)).toEqual([2, line, '']);
    expect(log(root)).toEqual([2, line, '']);
  });

  it('names a proxy.sqlite that is a directory and exits 2, at start-up and for `proxy log`', () => {
    const root = storage('folder', (r) => mkdirSync(join(r, 'proxy.sqlite')));
    const line = `bulwark: the proxy database ${join(root, 'proxy.sqlite')} is a directory, not a SQLite file; ${FIX}\n`;

    expect(serve(root)).toEqual([2, line, '']);
    expect(log(root)).toEqual([2, line, '']);
  });

  it('refuses to start when blobs is a file, exiting 2', () => {
    const root = storage('blob-file', (r) => writeFileSync(join(r, 'blobs'), 'not a folder'));

    expect(serve(root)).toEqual([
      2,
      `bulwark: the proxy blob folder ${join(root, 'blobs')} is a file, not a directory; move it aside (or delete it) to start with no cached tarballs and wheels (proxy.sqlite beside it, with the decision log, is kept), or pass --storage <another directory>\n`,
      '',
    ]);
  });
});
