import { describe, expect, it } from 'vitest';

import { editDistance, findTyposquat } from '../../../src/proxy/policy/typosquat.js';

describe('findTyposquat', () => {
  const squats: Array<['npm' | 'PyPI', string, string, string]> = [
    ['npm', 'lodahs', 'lodash', 'edit-distance'],
    ['npm', 'expres', 'express', 'edit-distance'],
    ['npm', 'electorn', 'electron', 'edit-distance'],
    ['npm', 'crossenv', 'cross-env', 'separators'],
    ['npm', '@typess/node', '@types/node', 'scope'],
    ['npm', '@babel-/core', '@babel/core', 'scope'],
    ['PyPI', 'reqeusts', 'requests', 'edit-distance'],
    ['PyPI', 'python_dateutils', 'python-dateutil', 'edit-distance'],
    ['PyPI', 'pythondateutil', 'python-dateutil', 'separators'],
  ];
  it.each(squats)('%s %s imitates %s (%s)', (ecosystem, name, popular, how) => {
    expect(findTyposquat(ecosystem, name, 1)).toEqual({ popular, how });
  });

  const genuine: Array<['npm' | 'PyPI', string, string]> = [
    ['npm', 'lodash', 'popular itself'],
    ['npm', '@types/node', 'popular itself'],
    ['npm', 'ms', 'too short to judge: short names are often one edit apart'],
    ['npm', 'qs', 'too short to judge'],
    ['npm', 'left-pad', 'not close to any popular name'],
    ['npm', '@acme/core', 'a different package name under a different scope'],
    ['npm', 'fixture-good', 'not close to any popular name'],
    ['PyPI', 'Django', 'popular itself after PEP 503 normalization'],
    ['PyPI', 'python_dateutil', 'the same project as python-dateutil under PEP 503'],
  ];
  it.each(genuine)('%s %s is not a typosquat (%s)', (ecosystem, name) => {
    expect(findTyposquat(ecosystem, name, 1)).toBeUndefined();
  });
});

describe('editDistance', () => {
  const cases: Array<[string, string, number]> = [
    ['lodash', 'lodash', 0],
    ['lodash', 'lodahs', 1],
    ['lodash', 'lodas', 1],
    ['lodash', 'xlodash', 1],
    ['lodash', 'ladosh', 2],
    ['react', 'angular', 3],
  ];
  it.each(cases)('%s to %s is %i (capped at 2 + 1)', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(d, 3));
  });
});
