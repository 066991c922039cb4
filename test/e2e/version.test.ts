import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

import { describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('bulwark --version', () => {
  it.each([['--version'], ['-V']])('%s prints the package version and exits 0', (flag) => {
    expect(bulwark(tmpdir(), [flag])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help still lists every command', () => {
    const run = bulwark(tmpdir(), ['--help']);
    const commands = [...run.stdout.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]);

    expect([run.status, commands]).toEqual([
      0,
      ['scan', 'baseline', 'hook', 'config', 'rules', 'db', 'init', 'proxy', 'help'],
    ]);
  });
});
