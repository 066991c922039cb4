import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../src/lockfiles/block-yaml.js';
import { parseText } from './parse-file.js';

describe('readBlockYaml', () => {
  it('reads nested mappings, quoted keys, flow collections and typed plain scalars', () => {
    const text = [
      "lockfileVersion: '9.0'",
      '',
      'packages:',
      '',
      "  '@babel/core@7.24.0':",
      "    resolution: {integrity: sha512-AAAA, tarball: 'https://example.test/a,b.tgz'}",
      '    cpu: [x64, arm64]',
      '    dev: true',
      '    version: 1.10',
      '    bundledDependencies:',
      '      - left-pad',
      '    # a comment',
      '    optional: null',
      '  "quoted@1.0.0": {}',
      '',
    ].join('\n');

    expect(readBlockYaml(text)).toEqual([
      {
        value: {
          lockfileVersion: '9.0',
          packages: {
            '@babel/core@7.24.0': {
              resolution: { integrity: 'sha512-AAAA', tarball: 'https://example.test/a,b.tgz' },
              cpu: ['x64', 'arm64'],
              dev: true,
              version: '1.10',
              bundledDependencies: ['left-pad'],
              optional: null,
            },
            'quoted@1.0.0': {},
          },
        },
        sections: new Map([
          [
            'packages',
            new Map([
              ['@babel/core@7.24.0', 5],
              ['quoted@1.0.0', 14],
            ]),
          ],
        ]),
      },
    ]);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line flow map', 'a: {b: 1,\n  c: 2}\n'],
    ['a mapping inside a sequence', 'a:\n  - b: 1\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['a plain multi-line scalar', 'a:\n  b\n  c\n'],
  ])('leaves %s to the full YAML parser', (_what, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  it('gives a lockfile outside the subset to the full parser, with the same result', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      ms: &ms',
      '        specifier: ^2.1.3',
      '        version: 2.1.3',
      'packages:',
      '  ms@2.1.3:',
      '    resolution: {integrity: sha512-AAAA}',
      'snapshots:',
      '  ms@2.1.3: {}',
      '',
    ].join('\n');
    const result = parseText('pnpm-lock.yaml', text);
    expect(result.packages.map((p) => [p.name, p.version, p.direct, p.line])).toEqual([
      ['ms', '2.1.3', true, 9],
    ]);
  });
});
