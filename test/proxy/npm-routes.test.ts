import { describe, expect, it } from 'vitest';

import { parseNpmPath } from '../../src/proxy/npm/routes.js';

const parsed = (path: string): unknown => {
  try {
    return parseNpmPath(path);
  } catch (error) {
    return `${(error as { status: number }).status} ${(error as Error).message}`;
  }
};

describe('npm registry paths', () => {
  it.each([
    ['/lodash', { kind: 'packument', name: 'lodash' }],
    ['/lodash/', { kind: 'packument', name: 'lodash' }],
    ['/@types%2fnode', { kind: 'packument', name: '@types/node' }],
    ['/@types/node/18.0.0', { kind: 'version', name: '@types/node', spec: '18.0.0' }],
    ['/lodash/latest', { kind: 'version', name: 'lodash', spec: 'latest' }],
    [
      '/lodash/-/lodash-4.17.21.tgz',
      { kind: 'tarball', name: 'lodash', file: 'lodash-4.17.21.tgz' },
    ],
    [
      '/@babel/core/-/core-7.0.0.tgz',
      { kind: 'tarball', name: '@babel/core', file: 'core-7.0.0.tgz' },
    ],
    [
      '/@babel%2fcore/-/core-7.0.0.tgz',
      { kind: 'tarball', name: '@babel/core', file: 'core-7.0.0.tgz' },
    ],
    ['/-/package/lodash/dist-tags', { kind: 'dist-tags', name: 'lodash' }],
    ['/-/package/@babel/core/dist-tags', { kind: 'dist-tags', name: '@babel/core' }],
    ['/-/package/a/b/dist-tags', undefined],
    ['/-/package/lodash', undefined],
    ['/lodash/-/x.tgz/more', undefined],
    ['/-/package/dist-tags', '400 invalid package name ""'],
    ['/-/package/@babel/dist-tags', '400 invalid package name "@babel/"'],
    ['no-slash', '400 invalid package name ""'],
    ['/../etc', '400 invalid package name ".."'],
    ['/@x/..', '400 invalid package name "@x/.."'],
    ['/%2e%2e%2fetc', '400 invalid package name "../etc"'],
    ['/lodash/-/.x.tgz', '400 invalid tarball name ".x.tgz"'],
    ['/lodash/-/lodash.zip', '400 invalid tarball name "lodash.zip"'],
    ['/lo%zzdash', '400 malformed percent-encoding in path segment "lo%zzdash"'],
  ])('%s', (path, expected) => {
    expect(parsed(path)).toEqual(expected);
  });
});
