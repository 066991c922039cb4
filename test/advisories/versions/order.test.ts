import { describe, expect, it } from 'vitest';

import type { Ecosystem } from '../../../src/advisories/model.js';
import { versionOrder } from '../../../src/advisories/versions/index.js';

/** Each case: a < b in the ecosystem's order. */
const ASCENDING: Record<Ecosystem, Array<[string, string]>> = {
  npm: [
    ['1.0.0-alpha', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0.0-rc.1', '1.0.0'],
    ['4.17.15', '4.17.21'],
    ['1.0', '1.0.1'],
    ['0.9.9', '1.0'],
  ],
  PyPI: [
    ['1.0.dev1', '1.0a1'],
    ['1.0a1', '1.0b1'],
    ['1.0b2', '1.0rc1'],
    ['1.0rc1', '1.0'],
    ['1.0', '1.0+local.1'],
    ['1.0+local.1', '1.0.post1'],
    ['1.0.post1.dev1', '1.0.post1'],
    ['2.0', '1!0.1'],
    ['3.2.9', '3.2.10'],
  ],
  Go: [
    ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-aaaaaaaaaaaa'],
    ['v0.0.0-20191109021931-daa7c04131f5', 'v0.1.0'],
    ['v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5'],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4'],
    ['v1.9.9', 'v2.0.0+incompatible'],
    ['1.20.14', 'go1.21.0'],
    ['v0.17.0', '0.18.0'],
  ],
  'crates.io': [
    ['0.9.0', '0.10.0'],
    ['1.0.0-beta.1', '1.0.0'],
  ],
  RubyGems: [
    ['1.0.0.rc1', '1.0.0'],
    ['1.0.a', '1.0'],
    ['1.0.0.pre', '1.0.0.rc1'],
    ['1.9', '1.10'],
    ['2.0.0-beta1', '2.0.0'],
    ['5.2.4.3', '5.2.4.4'],
    ['1.0.0.beta', '1.0.0.beta2'],
  ],
  Packagist: [
    ['1.0.0-dev', '1.0.0-alpha1'],
    ['1.0.0-alpha2', '1.0.0-beta1'],
    ['1.0.0-beta1', '1.0.0-RC1'],
    ['1.0.0-RC1', '1.0.0'],
    ['1.0.0', '1.0.0-p1'],
    ['v2.9.9', '2.10.0'],
    ['1.0.0-beta2', '1.0.0-beta10'],
  ],
  Maven: [
    ['1.0-alpha1', '1.0-beta1'],
    ['1.0-beta1', '1.0-milestone1'],
    ['1.0-milestone1', '1.0-rc1'],
    ['1.0-rc1', '1.0-SNAPSHOT'],
    ['1.0-SNAPSHOT', '1.0'],
    ['1.0', '1.0-sp1'],
    ['1.0-sp1', '1.0.1'],
    ['2.9.10.7', '2.9.10.8'],
    ['1.0-a1', '1.0-b1'],
    ['1.0-cr1', '1.0-rc2'],
    ['1.0.0.X1', '1.0.0-X2'],
    ['2.0.0.RC1', '2.0.0'],
  ],
  NuGet: [
    ['1.0.0-alpha', '1.0.0'],
    ['1.0.0', '1.0.0.1'],
    ['1.0.0-beta.2', '1.0.0-beta.10'],
    ['4.5.9', '4.5.10'],
  ],
  Pub: [['1.0.0-dev.1', '1.0.0']],
  Hex: [['0.9.0', '1.0.0-rc.0']],
};

/** Each case: the two spellings are the same version. */
const EQUAL: Array<[Ecosystem, string, string]> = [
  ['PyPI', '1.0', '1.0.0'],
  ['PyPI', '1.0RC1', '1.0rc1'],
  ['Go', 'v2.0.0+incompatible', 'v2.0.0'],
  ['RubyGems', '1.0', '1'],
  ['RubyGems', '1.0.a', '1.a'],
  ['Packagist', 'v1.2', '1.2.0.0'],
  ['Maven', '1.0', '1.0.0'],
  ['Maven', '1-ga', '1'],
  ['Maven', '1.0-final', '1'],
  ['Maven', '1.0.RC1', '1.0-RC1'],
  ['Maven', '1.0.0.Final', '1.0.0'],
  ['NuGet', '1.0', '1.0.0.0'],
];

/** Versions an ecosystem cannot order. */
const INVALID: Array<[Ecosystem, string]> = [
  ['npm', 'latest'],
  ['PyPI', '2019-09-12x'],
  ['Go', 'master'],
  ['Packagist', 'dev-main'],
  ['NuGet', '1.0.0.0.0'],
];

/** Versions published ahead of their release, and releases, per ecosystem. */
const PRERELEASE: Array<[Ecosystem, string, boolean]> = [
  ['npm', '1.0.0-rc.1', true],
  ['npm', '1.0.0', false],
  ['PyPI', '6.3.0a0', true],
  ['PyPI', '1.0.dev3', true],
  ['PyPI', '1.0.post1', false],
  ['Go', 'v0.0.0-20191109021931-daa7c04131f5', true],
  ['Go', 'v2.0.0+incompatible', false],
  ['RubyGems', '1.0.0.rc1', true],
  ['RubyGems', '1.0.0', false],
  ['Packagist', '1.0.0-RC1', true],
  ['Packagist', '1.0.0-p1', false],
  ['Maven', '1.0-SNAPSHOT', true],
  ['Maven', '1.0-sp1', false],
  ['Maven', '1.0.Final', false],
  ['NuGet', '1.0.0-beta', true],
];

describe('version order', () => {
  it.each(PRERELEASE)('%s: %s is a prerelease: %s', (ecosystem, version, expected) => {
    expect(versionOrder(ecosystem).isPrerelease(version)).toBe(expected);
  });

  for (const [ecosystem, cases] of Object.entries(ASCENDING) as Array<
    [Ecosystem, Array<[string, string]>]
  >) {
    it.each(cases)(`${ecosystem}: %s < %s`, (a, b) => {
      const order = versionOrder(ecosystem);
      expect(order.parse(a)).toBeDefined();
      expect(order.parse(b)).toBeDefined();
      expect(Math.sign(order.compare(a, b))).toBe(-1);
      expect(Math.sign(order.compare(b, a))).toBe(1);
    });
  }

  it.each(EQUAL)('%s: %s equals %s', (ecosystem, a, b) => {
    expect(versionOrder(ecosystem).compare(a, b)).toBe(0);
  });

  it.each(INVALID)('%s cannot order %s', (ecosystem, version) => {
    expect(versionOrder(ecosystem).parse(version)).toBeUndefined();
  });
});
