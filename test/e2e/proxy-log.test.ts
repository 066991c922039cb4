import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSqliteMetadataStore } from '../../src/proxy/store/sqlite-metadata-store.js';
import { bulwark, CLI } from '../helpers/cli.js';
import { tempDir } from '../proxy/helpers/proxy.js';

/** `bulwark proxy log` through the built CLI, on a decision log written by the real store. */
describe('bulwark proxy log', () => {
  const dir = tempDir('proxy-log');
  const storage = join(dir.path, 'store');
  const empty = join(dir.path, 'empty');
  const now = Date.now();

  beforeAll(async () => {
    const store = createSqliteMetadataStore(join(storage, 'proxy.sqlite'));
    // More rows than a pipe holds (64 KiB), so that a reader that stops early closes it mid-write.
    for (let i = 0; i < 3000; i++)
      store.recordDecision({
        time: now - 60_000 - i * 1000,
        client: '127.0.0.1 npm/10.8.2',
        ecosystem: 'npm',
        package: `pkg-${i}`,
        version: '1.0.0',
        decision: 'allowed',
      });
    await store.flush();
    await store.close();
    await createSqliteMetadataStore(join(empty, 'proxy.sqlite')).close();
  });

  afterAll(() => dir.remove());

  it.each([
    [[], 'no decisions in the last 24h'],
    [['--since', '30m', '--decision', 'blocked'], 'no blocked decisions in the last 30m'],
    [['--package', 'left-pad', '--since', '2d'], 'no decisions for left-pad in the last 2d'],
  ])('with no matching rows %j says so on stderr and exits 0', (args, line) => {
    const run = bulwark(dir.path, ['proxy', 'log', '--storage', empty, ...args]);

    expect([run.status, run.stderr, run.stdout]).toEqual([0, `${line}\n`, '']);
  });

  it('with no matching rows and --json prints an empty array', () => {
    const run = bulwark(dir.path, ['proxy', 'log', '--storage', empty, '--json']);

    expect([run.status, run.stderr, run.stdout]).toEqual([0, '', '[]\n']);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const run = spawnSync(
      'bash',
      ['-c', 'node "$0" proxy log --storage "$1" | head -1; echo "${PIPESTATUS[0]}"', CLI, storage],
      { cwd: dir.path, encoding: 'utf8' },
    );
    const [first, status] = run.stdout.split('\n');

    expect([run.stderr, status]).toEqual(['', '0']);
    expect(first).toMatch(/^\S+ allowed npm:pkg-0@1\.0\.0 \(127\.0\.0\.1 npm\/10\.8\.2\)$/);
  });

  it('filters on the decision the rows have not got', () => {
    const run = bulwark(dir.path, ['proxy', 'log', '--storage', storage, '--decision', 'warned']);

    expect([run.status, run.stderr, run.stdout]).toEqual([
      0,
      'no warned decisions in the last 24h\n',
      '',
    ]);
  });

  it('says in one line that a damaged proxy.sqlite must be moved aside, and exits 2', () => {
    const damaged = join(dir.path, 'damaged');
    mkdirSync(damaged);
    const file = join(damaged, 'proxy.sqlite');
    copyFileSync(join(storage, 'proxy.sqlite'), file);
    // Every second 4 KB page after the first, overwritten: the header still reads as SQLite.
    const fd = openSync(file, 'r+');
    for (let page = 2; page * 4096 < statSync(file).size; page += 2)
      writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, page * 4096);
    closeSync(fd);

    const run = bulwark(dir.path, ['proxy', 'log', '--storage', damaged]);

    expect([run.status, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `bulwark: ${file} is damaged (database disk image is malformed); stop the proxy and move it aside to start with an empty cache and decision log\n`,
    ]);
  });
});
