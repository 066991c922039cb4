import { describe, expect, it } from 'vitest';
import { entriesNamed, parseText } from './parse-file.js';

/** An npm-shrinkwrap.json (v3) with a workspace, an `npm:` alias, a git dependency and a link. */
const shrinkwrap = `{
  "name": "app",
  "lockfileVersion": 3,
  "packages": {
    "": {
      "name": "app",
      "workspaces": ["packages/web"],
      "dependencies": { "str": "npm:string-width@^4.2.0", "left": "git+https://example.test/left.git" },
      "devDependencies": { "vitest": "^1.0.0" }
    },
    "node_modules/str": {
      "name": "string-width",
      "version": "4.2.3",
      "resolved": "https://registry.npm.example.test/string-width/-/string-width-4.2.3.tgz",
      "dependencies": { "strip-ansi": "^6.0.1" }
    },
    "node_modules/strip-ansi": {
      "version": "6.0.1",
      "resolved": "https://registry.npm.example.test/strip-ansi/-/strip-ansi-6.0.1.tgz"
    },
    "node_modules/left": {
      "version": "1.0.0",
      "resolved": "git+ssh://git@example.test/left.git#0123456789abcdef",
      "dependencies": { "pad": "^2.0.0" }
    },
    "node_modules/pad": {
      "version": "2.0.0",
      "resolved": "https://registry.npm.example.test/pad/-/pad-2.0.0.tgz"
    },
    "node_modules/vitest": {
      "version": "1.6.0",
      "dev": true,
      "dependencies": { "strip-ansi": "^7.0.0" }
    },
    "node_modules/vitest/node_modules/strip-ansi": {
      "version": "7.1.0",
      "dev": true
    },
    "node_modules/@app/web": {
      "resolved": "packages/web",
      "link": true
    },
    "packages/web": {
      "name": "@app/web",
      "version": "0.0.0",
      "dependencies": { "ms": "^2.1.0", "@app/core": "*" }
    },
    "packages/web/node_modules/ms": {
      "version": "2.1.3"
    }
  }
}
`;

/** A lockfileVersion 1 tree with a nested copy and an alias; no package.json beside it. */
const v1 = `{
  "name": "old",
  "version": "1.0.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "debug": {
      "version": "2.6.9",
      "requires": { "ms": "2.0.0" },
      "dependencies": {
        "ms": { "version": "2.0.0" }
      }
    },
    "ms": { "version": "2.1.3" },
    "mocha": {
      "version": "10.0.0",
      "dev": true,
      "requires": { "debug": "2.6.9" }
    },
    "colors": { "version": "npm:@colors/colors@1.5.0" }
  }
}
`;

describe('package-lock.json and npm-shrinkwrap.json', () => {
  it('resolves aliases, leaves out git and workspace packages, and keeps paths through git', () => {
    const result = parseText('npm-shrinkwrap.json', shrinkwrap);

    expect(result.format).toBe('package-lock v3');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'string-width@4.2.3',
      'strip-ansi@6.0.1',
      'pad@2.0.0',
      'vitest@1.6.0',
      'strip-ansi@7.1.0',
      'ms@2.1.3',
    ]);
    expect(entriesNamed(result, 'string-width')).toEqual([
      {
        name: 'string-width',
        version: '4.2.3',
        direct: true,
        dev: false,
        line: 11,
        path: ['string-width@4.2.3'],
      },
    ]);
    expect(entriesNamed(result, 'pad')[0]).toEqual({
      name: 'pad',
      version: '2.0.0',
      direct: false,
      dev: false,
      line: 26,
      path: ['left@1.0.0', 'pad@2.0.0'],
    });
    expect(entriesNamed(result, 'strip-ansi')).toEqual([
      {
        name: 'strip-ansi',
        version: '6.0.1',
        direct: false,
        dev: false,
        line: 17,
        path: ['string-width@4.2.3', 'strip-ansi@6.0.1'],
      },
      {
        name: 'strip-ansi',
        version: '7.1.0',
        direct: false,
        dev: true,
        line: 35,
        path: ['vitest@1.6.0', 'strip-ansi@7.1.0'],
      },
    ]);
  });

  it('takes a workspace member’s dependencies as direct, resolved from the member folder', () => {
    const result = parseText('package-lock.json', shrinkwrap);
    expect(entriesNamed(result, 'ms')).toEqual([
      { name: 'ms', version: '2.1.3', direct: true, dev: false, line: 48, path: ['ms@2.1.3'] },
    ]);
  });

  it('reads version 1 trees: nested copies, aliases, and direct packages without package.json', () => {
    const result = parseText('package-lock.json', v1);

    expect(result.format).toBe('package-lock v1');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'debug@2.6.9',
      'ms@2.0.0',
      'ms@2.1.3',
      'mocha@10.0.0',
      '@colors/colors@1.5.0',
    ]);
    // Nothing requires mocha, ms@2.1.3 or colors, so they are taken as direct; debug is required.
    expect(result.packages.filter((p) => p.direct).map((p) => p.name)).toEqual([
      'ms',
      'mocha',
      '@colors/colors',
    ]);
    expect(entriesNamed(result, 'ms')[0]).toEqual({
      name: 'ms',
      version: '2.0.0',
      direct: false,
      dev: false,
      line: 11,
      path: ['mocha@10.0.0', 'debug@2.6.9', 'ms@2.0.0'],
    });
  });

  it('takes direct packages of a version 1 tree from package.json when it is there', () => {
    const manifest = JSON.stringify({
      dependencies: { debug: '^2.6.0' },
      devDependencies: { mocha: '^10.0.0' },
    });
    const result = parseText('package-lock.json', v1, { 'package.json': manifest });
    expect(result.packages.filter((p) => p.direct).map((p) => `${p.name}:${p.dev}`)).toEqual([
      'debug:false',
      'mocha:true',
    ]);
  });
});
