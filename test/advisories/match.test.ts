import { describe, expect, it } from 'vitest';

import { compileAffected } from '../../src/advisories/match.js';
import type { AffectedPackage, Ecosystem, RangeEvent } from '../../src/advisories/model.js';
import { smallestUpgrade } from '../../src/advisories/upgrade.js';

function entry(
  ecosystem: Ecosystem,
  events: RangeEvent[][],
  versions: string[] = [],
  type: 'SEMVER' | 'ECOSYSTEM' = 'ECOSYSTEM',
): AffectedPackage {
  return { ecosystem, name: 'p', ranges: events.map((e) => ({ type, events: e })), versions };
}

/** [description, entry, version, affected] */
const CASES: Array<[string, AffectedPackage, string, boolean]> = [
  [
    'below introduced',
    entry('npm', [[{ introduced: '1.0.0' }, { fixed: '1.2.0' }]]),
    '0.9.0',
    false,
  ],
  ['at introduced', entry('npm', [[{ introduced: '1.0.0' }, { fixed: '1.2.0' }]]), '1.0.0', true],
  ['inside', entry('npm', [[{ introduced: '1.0.0' }, { fixed: '1.2.0' }]]), '1.1.9', true],
  ['at fixed', entry('npm', [[{ introduced: '1.0.0' }, { fixed: '1.2.0' }]]), '1.2.0', false],
  [
    'prerelease of fixed',
    entry('npm', [[{ introduced: '1.0.0' }, { fixed: '1.2.0' }]]),
    '1.2.0-rc.1',
    true,
  ],
  ['introduced 0', entry('npm', [[{ introduced: '0' }, { fixed: '1.2.0' }]]), '0.0.1', true],
  ['introduced 0, no fix', entry('npm', [[{ introduced: '0' }]]), '99.0.0', true],
  [
    'at last_affected',
    entry('npm', [[{ introduced: '0' }, { last_affected: '2.0.0' }]]),
    '2.0.0',
    true,
  ],
  [
    'after last_affected',
    entry('npm', [[{ introduced: '0' }, { last_affected: '2.0.0' }]]),
    '2.0.1',
    false,
  ],
  [
    'between two intervals',
    entry('npm', [
      [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' }],
    ]),
    '1.7.0',
    false,
  ],
  [
    'second interval',
    entry('npm', [
      [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' }],
    ]),
    '2.1.0',
    true,
  ],
  [
    'events out of order',
    entry('npm', [
      [{ fixed: '2.5.0' }, { introduced: '2.0.0' }, { fixed: '1.5.0' }, { introduced: '1.0.0' }],
    ]),
    '1.2.0',
    true,
  ],
  [
    'second range',
    entry('npm', [
      [{ introduced: '0' }, { fixed: '1.0.0' }],
      [{ introduced: '3.0.0' }, { fixed: '3.1.0' }],
    ]),
    '3.0.5',
    true,
  ],
  ['under limit', entry('npm', [[{ introduced: '0' }, { limit: '2.0.0' }]]), '1.9.9', true],
  ['at limit', entry('npm', [[{ introduced: '0' }, { limit: '2.0.0' }]]), '2.0.0', false],
  ['listed version', entry('npm', [], ['1.3.3']), '1.3.3', true],
  ['unlisted version', entry('npm', [], ['1.3.3']), '1.3.4', false],
  [
    'PyPI post release after fix',
    entry('PyPI', [[{ introduced: '0' }, { fixed: '2.0' }]]),
    '2.0.post1',
    false,
  ],
  [
    'PyPI local version before fix',
    entry('PyPI', [[{ introduced: '0' }, { fixed: '2.0' }]]),
    '1.9+ubuntu1',
    true,
  ],
  ['PyPI listed with other spelling', entry('PyPI', [], ['1.0.0']), '1.0', true],
  [
    'Go pseudo-version',
    entry(
      'Go',
      [[{ introduced: '0' }, { fixed: '0.0.0-20200101000000-aaaaaaaaaaaa' }]],
      [],
      'SEMVER',
    ),
    'v0.0.0-20191109021931-daa7c04131f5',
    true,
  ],
  [
    'Go v prefix against SEMVER range',
    entry('Go', [[{ introduced: '1.2.0' }, { fixed: '1.2.5' }]], [], 'SEMVER'),
    'v1.2.4',
    true,
  ],
  [
    'unorderable version only matches the list',
    entry('npm', [[{ introduced: '0' }]]),
    'github:a/b',
    false,
  ],
];

describe('OSV range evaluation', () => {
  it.each(CASES)('%s', (_name, affected, version, expected) => {
    expect(compileAffected(affected).affects(version)).toBe(expected);
  });

  it('names the fix that closes the interval holding a version', () => {
    const compiled = compileAffected(
      entry('npm', [
        [{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' }],
      ]),
    );
    expect(compiled.fixesFor('2.1.0')).toEqual(['2.5.0']);
    expect(compiled.fixesFor('1.1.0')).toEqual(['1.5.0']);
    expect(
      compileAffected(entry('npm', [[{ introduced: '0' }, { last_affected: '2.0.0' }]])).fixesFor(
        '1.0.0',
      ),
    ).toEqual([]);
  });

  it('matches legacy npm range expressions, prereleases included', () => {
    const legacy: AffectedPackage = {
      ecosystem: 'npm',
      name: 'p',
      ranges: [
        {
          type: 'NPM_RANGE',
          expression: '>=2.2.6 <2.47.0 || >2.51.0 <=2.67.0',
          fixed: ['2.47.0', '2.67.1'],
        },
      ],
      versions: [],
    };
    const compiled = compileAffected(legacy);
    expect(
      ['2.2.6', '2.46.9', '2.51.0', '2.51.1', '2.67.0', '2.60.0-beta.1'].map(compiled.affects),
    ).toEqual([true, true, false, true, true, true]);
    expect(compiled.fixesFor('2.10.0')).toEqual(['2.47.0']);
  });
});

describe('smallest upgrade clearing every advisory', () => {
  const a = compileAffected(entry('npm', [[{ introduced: '0' }, { fixed: '4.17.12' }]]));
  const b = compileAffected(entry('npm', [[{ introduced: '0' }, { fixed: '4.17.19' }]]));
  const c = compileAffected(entry('npm', [[{ introduced: '4.17.19' }, { fixed: '4.17.21' }]]));
  const never = compileAffected(entry('npm', [[{ introduced: '0' }]]));

  it.each([
    ['takes the highest fix when each fixes only its own', [a, b], '4.17.11', '4.17.19'],
    ['skips a fix that lands in another advisory', [a, b, c], '4.17.11', '4.17.21'],
    ['ignores fixes below the current version', [a, c], '4.17.19', '4.17.21'],
    ['none when one advisory is never fixed', [a, never], '4.17.11', undefined],
    [
      'a release over a smaller prerelease fix',
      [
        compileAffected(entry('npm', [[{ introduced: '0' }, { fixed: '2.0.0-rc.1' }]])),
        compileAffected(entry('npm', [[{ introduced: '0' }, { fixed: '2.0.0' }]], ['2.0.0-rc.1'])),
        compileAffected(entry('npm', [[{ introduced: '0' }, { fixed: '1.0.0' }]])),
      ],
      '0.5.0',
      '2.0.0',
    ],
    [
      'a prerelease when no release is named',
      [compileAffected(entry('PyPI', [[{ introduced: '0' }, { fixed: '6.3.0a0' }]]))],
      '6.0.7',
      '6.3.0a0',
    ],
  ])('%s', (_name, entries, version, expected) => {
    expect(smallestUpgrade(version, entries)).toBe(expected);
  });
});
