import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);

/**
 * The pre-commit framework installs a `language: node` hook by running `npm install` in a clone
 * of this repository (which runs `prepare`) and installing what `npm pack` makes of it; the
 * hook's entry then runs the package's bin. dist/ is not in git, so `prepare` must build it and
 * the package must carry it.
 */
describe('the pre-commit framework hook', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    bin: Record<string, string>;
    files: string[];
    scripts: Record<string, string>;
  };
  const hooks = parse(readFileSync(new URL('.pre-commit-hooks.yaml', root), 'utf8')) as Array<{
    id: string;
    entry: string;
    language: string;
  }>;

  it('runs the package bin, which an npm install builds and npm pack ships', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const packed = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files;

    expect(hooks.map((h) => [h.id, h.language, h.entry.split(' ')[0]])).toEqual([
      ['bulwark', 'node', 'bulwark'],
    ]);
    expect([pkg.bin.bulwark, pkg.scripts.prepare]).toEqual(['dist/cli/main.js', 'npm run build']);
    expect(packed.some((f) => f.path === 'dist/cli/main.js')).toBe(true);
    expect(packed.some((f) => f.path.startsWith('rules/secrets/'))).toBe(true);
  });
});
