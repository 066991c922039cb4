import { describe, expect, it } from 'vitest';
import { isLockfile, parseLockfile } from '../../src/lockfiles/index.js';

const cases: Array<[string, boolean]> = [
  ['package-lock.json', true],
  ['apps/web/npm-shrinkwrap.json', true],
  ['yarn.lock', true],
  ['pnpm-lock.yaml', true],
  ['bun.lock', true],
  ['bun.lockb', false],
  ['deno.lock', true],
  ['requirements.txt', true],
  ['requirements-dev.txt', true],
  ['dev-requirements.txt', true],
  ['requirements/main.txt', true],
  ['requirements.in', false],
  ['notes.txt', false],
  ['poetry.lock', true],
  ['Pipfile.lock', true],
  ['Pipfile', false],
  ['uv.lock', true],
  ['pdm.lock', true],
  ['pylock.toml', true],
  ['pylock.dev.toml', true],
  ['pyproject.toml', false],
  ['go.mod', true],
  ['go.sum', false],
  ['Cargo.lock', true],
  ['Cargo.toml', false],
  ['Gemfile.lock', true],
  ['gems.locked', true],
  ['composer.lock', true],
  ['composer.json', false],
  ['gradle.lockfile', true],
  ['buildscript-gradle.lockfile', true],
  ['pom.xml', true],
  ['packages.lock.json', true],
  ['pubspec.lock', true],
  ['mix.lock', true],
  ['package.json', false],
];

describe('isLockfile', () => {
  it.each(cases)('%s → %s', (path, expected) => {
    expect(isLockfile(path)).toBe(expected);
  });
});

describe('parseLockfile', () => {
  it('refuses a path that is not a lockfile, naming it', () => {
    expect(() => parseLockfile('src/package.json', '{}')).toThrow(
      'src/package.json is not a lockfile Bulwark parses',
    );
  });

  it('returns no packages for an empty requirements file', () => {
    expect(parseLockfile('requirements.txt', '')).toEqual({
      lockfile: 'requirements.txt',
      format: 'requirements.txt',
      packages: [],
      unpinned: [],
      problems: [],
    });
  });
});
