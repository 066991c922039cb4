import { describe, expect, it } from 'vitest';
import { parseText } from './parse-file.js';

/** A package-lock v3 whose root depends on `debug` installed from the given tarball URL. */
function lockV3(resolved: string, spec = '^4.4.0'): string {
  return JSON.stringify(
    {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { debug: spec } },
        'node_modules/debug': { version: '4.4.2', resolved, dependencies: { ms: '^2.1.3' } },
        'node_modules/ms': { version: '2.1.3', resolved: 'https://r/ms-2.1.3.tgz' },
      },
    },
    null,
    2,
  );
}

/** name, version, direct and first path of each package. */
function summary(content: string, file = 'package-lock.json'): unknown[] {
  return parseText(file, content).packages.map((p) => [p.name, p.version, p.direct, p.paths[0]]);
}

const REGISTRY = [
  ['debug', '4.4.2', true, ['debug@4.4.2']],
  ['ms', '2.1.3', false, ['debug@4.4.2', 'ms@2.1.3']],
];

describe('registry packages whatever the shape of their tarball URL', () => {
  it.each([
    'https://npm.pkg.github.com/download/debug/4.4.2/0123abcd',
    'https://r/debug-4.4.2.tgz',
    'https://registry.npmjs.org/debug/-/debug-4.4.2.tgz',
    'http://artifactory.example.test/api/npm/npm/debug/-/debug-4.4.2.tgz',
  ])('package-lock v3 reads debug resolved from %s', (resolved) => {
    expect(summary(lockV3(resolved))).toEqual(REGISTRY);
  });

  it('package-lock v3 leaves out a dependency whose spec in package.json is a tarball URL', () => {
    const url = 'https://example.test/debug-4.4.2.tgz';
    expect(summary(lockV3(url, url))).toEqual([
      ['ms', '2.1.3', false, ['debug@4.4.2', 'ms@2.1.3']],
    ]);
  });

  it('package-lock v1 reads a registry package with any https resolved, not a URL version', () => {
    const lock = JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        debug: { version: '4.4.2', resolved: 'https://npm.pkg.github.com/download/debug/4.4.2/0a' },
        left: { version: 'https://example.test/left-1.0.0.tgz' },
      },
    });
    expect(summary(lock)).toEqual([['debug', '4.4.2', true, ['debug@4.4.2']]]);
  });

  it('yarn.lock classic reads a registry package resolved from any URL', () => {
    const lock = [
      '# yarn lockfile v1',
      '',
      'debug@^4.4.0:',
      '  version "4.4.2"',
      '  resolved "https://npm.pkg.github.com/download/debug/4.4.2/0123abcd"',
      '',
      '"left@https://example.test/left-1.0.0.tgz":',
      '  version "1.0.0"',
      '  resolved "https://example.test/left-1.0.0.tgz"',
      '',
    ].join('\n');
    expect(summary(lock, 'yarn.lock')).toEqual([['debug', '4.4.2', true, ['debug@4.4.2']]]);
  });

  it('pnpm-lock.yaml 9 reads a registry package whose tarball is on another host', () => {
    const lock = [
      "lockfileVersion: '9.0'",
      '',
      'importers:',
      '  .:',
      '    dependencies:',
      '      debug:',
      '        specifier: ^4.4.0',
      '        version: 4.4.2',
      '',
      'packages:',
      '  debug@4.4.2:',
      '    resolution: {tarball: https://npm.pkg.github.com/download/debug/4.4.2/0123abcd}',
      '',
      'snapshots:',
      '  debug@4.4.2: {}',
      '',
    ].join('\n');
    expect(summary(lock, 'pnpm-lock.yaml')).toEqual([['debug', '4.4.2', true, ['debug@4.4.2']]]);
  });

  it('bun.lock reads a registry package whose tarball is on another host', () => {
    const lock = JSON.stringify({
      lockfileVersion: 1,
      workspaces: { '': { name: 'app', dependencies: { debug: '^4.4.0' } } },
      packages: {
        debug: ['debug@4.4.2', 'https://npm.pkg.github.com/download/debug/4.4.2/0123abcd', {}, ''],
      },
    });
    expect(summary(lock, 'bun.lock')).toEqual([['debug', '4.4.2', true, ['debug@4.4.2']]]);
  });
});
