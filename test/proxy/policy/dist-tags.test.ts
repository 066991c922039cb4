import { describe, expect, it } from 'vitest';

import { rewriteDistTags } from '../../../src/proxy/npm/dist-tags.js';

describe('rewriteDistTags', () => {
  const cases: Array<[string, Record<string, string>, string[], Record<string, string>]> = [
    [
      'keeps tags on allowed versions',
      { latest: '2.0.0', next: '3.0.0-rc.1' },
      ['1.0.0', '2.0.0', '3.0.0-rc.1'],
      { latest: '2.0.0', next: '3.0.0-rc.1' },
    ],
    [
      'moves latest down to the newest allowed release',
      { latest: '2.1.0' },
      ['1.0.0', '2.0.0', '2.0.1-beta.1'],
      { latest: '2.0.0' },
    ],
    ['never moves a release tag to a prerelease', { latest: '2.0.0' }, ['2.0.0-rc.1'], {}],
    [
      'moves a prerelease tag to an allowed prerelease',
      { next: '3.0.0-rc.2' },
      ['2.0.0', '3.0.0-rc.1'],
      { next: '3.0.0-rc.1' },
    ],
    [
      'drops a tag rather than moving it up when nothing below is allowed',
      { legacy: '0.9.0', latest: '1.1.0' },
      ['1.0.0', '1.1.0'],
      { latest: '1.1.0' },
    ],
    [
      'never moves latest up across a major when the tagged version is blocked',
      { latest: '1.4.0' },
      ['1.2.0', '1.3.0', '2.0.0', '3.1.0'],
      { latest: '1.3.0' },
    ],
    [
      'drops latest when only newer majors are allowed',
      { latest: '1.4.0', next: '3.0.0-rc.1' },
      ['2.0.0', '3.0.0', '3.0.0-rc.1'],
      { next: '3.0.0-rc.1' },
    ],
    [
      'drops a tag that points at a version that is not semver',
      { weird: 'not-a-version' },
      ['1.0.0'],
      {},
    ],
    ['drops tags when nothing is allowed', { latest: '1.0.0' }, [], {}],
  ];
  it.each(cases)('%s', (_, tags, allowed, expected) => {
    expect(rewriteDistTags(tags, allowed)).toEqual(expected);
  });
});
