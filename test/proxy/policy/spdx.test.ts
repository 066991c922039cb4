import { describe, expect, it } from 'vitest';

import { judgeLicense, parseSpdx } from '../../../src/proxy/policy/spdx.js';

describe('parseSpdx', () => {
  const cases: Array<[string, unknown]> = [
    ['MIT', { kind: 'license', id: 'MIT', orLater: false }],
    ['GPL-2.0+', { kind: 'license', id: 'GPL-2.0', orLater: true }],
    [
      'GPL-2.0-only WITH Classpath-exception-2.0',
      { kind: 'license', id: 'GPL-2.0-only', orLater: false, exception: 'Classpath-exception-2.0' },
    ],
    [
      'MIT OR Apache-2.0 AND BSD-3-Clause',
      {
        kind: 'or',
        left: { kind: 'license', id: 'MIT', orLater: false },
        right: {
          kind: 'and',
          left: { kind: 'license', id: 'Apache-2.0', orLater: false },
          right: { kind: 'license', id: 'BSD-3-Clause', orLater: false },
        },
      },
    ],
    [
      '(MIT OR Apache-2.0) AND ISC',
      {
        kind: 'and',
        left: {
          kind: 'or',
          left: { kind: 'license', id: 'MIT', orLater: false },
          right: { kind: 'license', id: 'Apache-2.0', orLater: false },
        },
        right: { kind: 'license', id: 'ISC', orLater: false },
      },
    ],
    ['LicenseRef-Proprietary', { kind: 'license', id: 'LicenseRef-Proprietary', orLater: false }],
  ];
  it.each(cases)('parses %s', (text, tree) => {
    expect(parseSpdx(text)).toEqual(tree);
  });

  it.each([
    '',
    'MIT OR',
    '(MIT',
    'MIT)',
    'AND MIT',
    'MIT WITH',
    'SEE LICENSE IN LICENSE.txt',
    'MIT Apache-2.0',
    'MIT/X11',
  ])('refuses %j', (text) => {
    expect(parseSpdx(text)).toBeUndefined();
  });
});

describe('judgeLicense', () => {
  const cases: Array<[string, { allow: string[]; deny: string[] }, boolean, string[]]> = [
    ['MIT', { allow: [], deny: ['GPL-3.0-only'] }, true, []],
    ['GPL-3.0-only', { allow: [], deny: ['GPL-3.0-only'] }, false, ['GPL-3.0-only']],
    ['MIT OR GPL-3.0-only', { allow: [], deny: ['GPL-3.0-only'] }, true, []],
    ['MIT AND GPL-3.0-only', { allow: [], deny: ['GPL-3.0-only'] }, false, ['GPL-3.0-only']],
    ['(MIT OR ISC) AND Apache-2.0', { allow: ['MIT', 'Apache-2.0'], deny: [] }, true, []],
    ['ISC AND Apache-2.0', { allow: ['MIT', 'Apache-2.0'], deny: [] }, false, ['ISC']],
    ['GPL-2.0+', { allow: [], deny: ['GPL-2.0+'] }, false, ['GPL-2.0+']],
    ['GPL-2.0+', { allow: [], deny: ['GPL-2.0'] }, false, ['GPL-2.0+']],
    ['mit', { allow: ['MIT'], deny: [] }, true, []],
  ];
  it.each(cases)('%s against %j is ok=%s', (text, lists, ok, bad) => {
    const tree = parseSpdx(text);
    expect(tree).toBeDefined();
    expect(judgeLicense(tree!, lists)).toEqual({ ok, bad });
  });
});
