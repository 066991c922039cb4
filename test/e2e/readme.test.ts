import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/shared.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The fenced shell blocks of the README, in order. */
function shellBlocks(): string[] {
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
}

/** Wall times differ from run to run; everything else must match to the character. */
function normalize(text: string): string {
  return text.replace(/\b\d+ ms\b/g, 'N ms');
}

describe('README', () => {
  it('opens with exactly two commands: run the main job, and run every test', () => {
    const [first, second] = shellBlocks();
    const beforeFirst = readme.slice(0, readme.indexOf('```sh'));
    expect(beforeFirst.includes('```')).toBe(false);
    expect(first).toBe('npm ci && npm run build && node dist/cli/main.js scan examples/leaky-app');
    expect(second).toBe('npm ci && npm test');
  });

  it('.ci/run calls the test command', () => {
    const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    expect(ci.split('\n')).toContain(shellBlocks()[1]);
  });

  it('shows the real output of the first command', () => {
    const [first] = shellBlocks();
    const scanArgs = (first ?? '').replace('npm ci && npm run build && node ', '').split(' ');
    // A new user: no advisory database yet, in a home folder that does not exist.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: '/home/you' };
    delete env.XDG_CACHE_HOME;
    delete env.BULWARK_DB;
    const run = spawnSync(process.execPath, scanArgs, { cwd: repoRoot, encoding: 'utf8', env });
    const shown =
      /<!-- scan-output:start -->\n```text\n([\s\S]*?)```\n<!-- scan-output:end -->/.exec(
        readme,
      )?.[1];

    expect(run.status).toBe(1);
    expect(normalize(`$ bulwark scan examples/leaky-app\n${run.stdout}${run.stderr}`)).toBe(
      normalize(shown ?? ''),
    );
  });
});
