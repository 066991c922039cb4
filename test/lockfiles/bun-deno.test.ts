import { describe, expect, it } from 'vitest';
import { entriesNamed, parseText } from './parse-file.js';

const bun = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "@app/lib": "workspace:*",
        "str": "npm:string-width@4.2.3",
      },
      "devDependencies": {
        "typescript": "^5.4.0",
      },
    },
    "packages/lib": {
      "name": "@app/lib",
      "dependencies": {
        "mine": "github:owner/mine#abc",
        "ms": "^2.1.3",
      },
    },
  },
  // Trailing commas and comments are JSONC.
  "packages": {
    "@app/lib": ["@app/lib@workspace:packages/lib"],

    "mine": ["mine@github:owner/mine#abc", { "dependencies": { "ms": "^2.0.0" } }, "owner-mine-abc"],

    "ms": ["ms@2.1.3", "", {}, "sha512-b"],

    "str": ["string-width@4.2.3", "", { "dependencies": { "strip-ansi": "^6.0.1" } }, "sha512-c"],

    "strip-ansi": ["strip-ansi@6.0.1", "", {}, "sha512-d"],

    "typescript": ["typescript@5.4.5", "", { "bin": { "tsc": "bin/tsc" } }, "sha512-e"],

    "mine/ms": ["ms@2.0.0", "", {}, "sha512-a"],
  }
}
`;

const denoV4 = `{
  "version": "4",
  "specifiers": {
    "jsr:@std/path@^1.0.0": "1.0.8",
    "npm:chalk@5": "5.3.0",
    "npm:express@^4.18.0": "4.21.2"
  },
  "jsr": {
    "@std/path@1.0.8": {
      "integrity": "aaaa"
    }
  },
  "npm": {
    "chalk@5.3.0": {
      "integrity": "sha512-a"
    },
    "debug@2.6.9": {
      "integrity": "sha512-b",
      "dependencies": ["ms@2.0.0"]
    },
    "express@4.21.2": {
      "integrity": "sha512-c",
      "dependencies": ["debug", "ms@2.1.3"]
    },
    "ms@2.0.0": {
      "integrity": "sha512-d"
    },
    "ms@2.1.3": {
      "integrity": "sha512-e"
    }
  },
  "workspace": {
    "dependencies": ["jsr:@std/path@^1.0.0", "npm:chalk@5", "npm:express@^4.18.0"]
  }
}
`;

const denoV3 = `{
  "version": "3",
  "packages": {
    "specifiers": {
      "npm:chalk@5": "npm:chalk@5.3.0"
    },
    "npm": {
      "chalk@5.3.0": {
        "integrity": "sha512-a",
        "dependencies": {}
      }
    }
  },
  "remote": {}
}
`;

describe('bun.lock', () => {
  it('reads JSONC, resolves aliases and nested keys, and leaves out workspaces and git', () => {
    const result = parseText('bun.lock', bun);

    expect(result.format).toBe('bun.lock v1');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'ms@2.1.3',
      'string-width@4.2.3',
      'strip-ansi@6.0.1',
      'typescript@5.4.5',
      'ms@2.0.0',
    ]);
    expect(entriesNamed(result, 'ms')).toEqual([
      { name: 'ms', version: '2.1.3', direct: true, dev: false, line: 28, path: ['ms@2.1.3'] },
      {
        name: 'ms',
        version: '2.0.0',
        direct: false,
        dev: false,
        line: 36,
        path: ['mine@github:owner/mine#abc', 'ms@2.0.0'],
      },
    ]);
    expect(entriesNamed(result, 'typescript')).toEqual([
      {
        name: 'typescript',
        version: '5.4.5',
        direct: true,
        dev: true,
        line: 34,
        path: ['typescript@5.4.5'],
      },
    ]);
    expect(entriesNamed(result, 'strip-ansi')[0].path).toEqual([
      'string-width@4.2.3',
      'strip-ansi@6.0.1',
    ]);
  });
});

describe('deno.lock', () => {
  it('reads npm packages of version 4 and leaves JSR modules out', () => {
    const result = parseText('deno.lock', denoV4);

    expect(result.format).toBe('deno.lock v4');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'chalk@5.3.0',
      'debug@2.6.9',
      'express@4.21.2',
      'ms@2.0.0',
      'ms@2.1.3',
    ]);
    expect(entriesNamed(result, 'ms')).toEqual([
      {
        name: 'ms',
        version: '2.0.0',
        direct: false,
        dev: false,
        line: 25,
        path: ['express@4.21.2', 'debug@2.6.9', 'ms@2.0.0'],
      },
      {
        name: 'ms',
        version: '2.1.3',
        direct: false,
        dev: false,
        line: 28,
        path: ['express@4.21.2', 'ms@2.1.3'],
      },
    ]);
    expect(entriesNamed(result, 'chalk')).toEqual([
      {
        name: 'chalk',
        version: '5.3.0',
        direct: true,
        dev: false,
        line: 14,
        path: ['chalk@5.3.0'],
      },
    ]);
  });

  it('reads version 3, where packages sit under "packages"', () => {
    const result = parseText('deno.lock', denoV3);
    expect(result.packages.map((p) => [p.name, p.version, p.direct, p.line])).toEqual([
      ['chalk', '5.3.0', true, 8],
    ]);
  });
});
