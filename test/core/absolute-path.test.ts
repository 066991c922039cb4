import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { absoluteJoiner } from '../../src/core/absolute-path.js';

describe('absoluteJoiner', () => {
  const roots = ['/', '/tmp/repo', '/tmp/repo/', '/tmp//repo/./sub/..', 'relative/dir', '.', ''];
  const paths = [
    'a.txt',
    '.env',
    '..a',
    'a..',
    'dir/.gitignore',
    'dir/sub/file.js',
    '.github/workflows/ci.yml',
    './a',
    '../a',
    'a/./b',
    'a/../b',
    'a//b',
    'a/',
    '/abs',
    '.',
    '..',
    '',
    'a/.',
    'a/..',
  ];

  it('gives what join gives for every root and path', () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const root of roots) {
      const absolute = absoluteJoiner(root);
      for (const path of paths) {
        got.push(absolute(path));
        want.push(join(root, path));
      }
    }
    expect(got).toEqual(want);
  });

  it('appends a clean path to an absolute root', () => {
    expect(absoluteJoiner('/tmp//repo/')('dir/.env')).toBe('/tmp/repo/dir/.env');
  });
});
