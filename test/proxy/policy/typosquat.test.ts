import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  editDistance,
  findTyposquat,
  legitimateNames,
  popularNames,
  typingSlip,
} from '../../../src/proxy/policy/typosquat.js';

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
    // Real typosquats published on npm and PyPI and later removed as malware.
    ['npm', 'loadsh', 'lodash', 'edit-distance'],
    ['npm', 'babelcli', 'babel-cli', 'separators'],
    ['npm', 'mongose', 'mongoose', 'edit-distance'],
    ['npm', 'nodesass', 'node-sass', 'separators'],
    ['npm', 'gruntcli', 'grunt-cli', 'separators'],
    ['npm', '@type/node', '@types/node', 'scope'],
    ['PyPI', 'jeIlyfish', 'jellyfish', 'edit-distance'],
    ['PyPI', 'python3-dateutil', 'python-dateutil', 'edit-distance'],
    ['PyPI', 'colourama', 'colorama', 'edit-distance'],
    ['PyPI', 'urlib3', 'urllib3', 'edit-distance'],
    ['PyPI', 'setup-tools', 'setuptools', 'separators'],
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
    // Genuine, widely used packages one edit from a popular name.
    ['npm', 'color', 'colour conversion; one letter from colors'],
    ['npm', 'tslint', "Palantir's TypeScript linter; one letter from eslint"],
    ['npm', 'jsdoc', 'the JSDoc generator; one letter from jsdom'],
    ['npm', 'uglify-es', 'the ES2015+ UglifyJS; one letter from uglify-js'],
    ['npm', 'cli-table3', 'maintained fork of cli-table'],
    ['npm', 'eventemitter2', 'one letter from eventemitter3'],
    ['npm', 'react-dnd', 'drag and drop; one letter from react-dom'],
    ['npm', 'cookies', 'pillarjs/cookies; one letter from cookie'],
    ['npm', 'sqlite', 'promise wrapper; one letter from sqlite3'],
    ['npm', 'through', 'the original of through2'],
    ['npm', 'dotenvx', 'short names are judged only for typing slips'],
    ['npm', 'safer-buffer', 'a dependency of express; one letter from safe-buffer'],
    ['npm', 'object.assign', 'the Object.assign shim; a separator from object-assign'],
    ['npm', 'is-array', 'the Array.isArray check; a separator from isarray'],
    ['npm', 'preact', 'popular itself, one letter from react'],
    ['npm', 'vite', 'four letters: not judged'],
    ['npm', '@types/lodash', 'a popular scope itself'],
    ['PyPI', 'pyaml', 'pretty YAML output; one letter from pyyaml'],
    ['PyPI', 'scapy', 'packet manipulation; one letter from scrapy and scipy'],
    ['PyPI', 'boto', 'the original AWS SDK, four letters'],
    ['PyPI', 'attr', 'four letters: not judged'],
    ['PyPI', 'pycryptodomex', 'PyCryptodome under its own namespace'],
    ['PyPI', 'markdown2', 'a second Markdown implementation'],
    ['PyPI', 'psycopg', 'psycopg 3'],
    ['PyPI', 'pymssql', 'SQL Server driver; one letter from pymysql'],
    ['PyPI', 'bpython', 'an interactive interpreter; one letter from ipython'],
    ['PyPI', 'jinja', 'Jinja 1'],
    ['PyPI', 'pypdf', 'the current name of PyPDF2'],
  ];
  it.each(genuine)('%s %s is not a typosquat (%s)', (ecosystem, name) => {
    expect(findTyposquat(ecosystem, name, 1)).toBeUndefined();
  });
});

/** Every package name installed by this repository's own lockfile, all of them genuine. */
function lockfileNames(): string[] {
  const file = new URL('../../../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(file, 'utf8')) as {
    packages: Record<string, { name?: string }>;
  };
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    const marker = 'node_modules/';
    names.add(entry.name ?? path.slice(path.lastIndexOf(marker) + marker.length));
  }
  return [...names].sort();
}

describe('genuine names in this repository', () => {
  it('judges no package in package-lock.json a typosquat with the default distance', () => {
    const names = lockfileNames();
    expect(names.length).toBeGreaterThan(500);
    const blocked = names
      .map((name) => [name, findTyposquat('npm', name, 1)] as const)
      .filter(([, match]) => match !== undefined);
    expect(blocked).toEqual([]);
  });
});

describe('name lists', () => {
  it('lists no genuine name that is also popular, and each list has entries', () => {
    for (const ecosystem of ['npm', 'PyPI'] as const) {
      const popular = popularNames(ecosystem);
      const overlap = [...legitimateNames(ecosystem)].filter((n) => popular.has(n));
      expect([ecosystem, overlap]).toEqual([ecosystem, []]);
      expect(legitimateNames(ecosystem).size).toBeGreaterThan(10);
    }
  });
});

describe('typingSlip', () => {
  const cases: Array<[string, string, boolean]> = [
    ['lodash', 'loadsh', true],
    ['mongoose', 'mongose', true],
    ['express', 'expres', true],
    ['express', 'expresss', true],
    ['colors', 'color', false],
    ['jsdom', 'jsdoc', false],
    ['eslint', 'tslint', false],
    ['lodash', 'lodash', false],
    ['lodash', 'ldoahs', false],
  ];
  it.each(cases)('%s / %s: %s', (a, b, expected) => {
    expect(typingSlip(a, b)).toBe(expected);
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
