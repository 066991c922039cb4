import { describe, expect, it } from 'vitest';
import { shared } from '../helpers/shared.js';
import { entriesNamed, parseFile, type Entry } from './parse-file.js';

/**
 * Every real lockfile in ../shared/fixtures/lockfiles. Counts are distinct registry
 * name@version pairs, worked out from the raw files with jq, grep and Python's tomllib; lines
 * were checked against the raw text.
 */
interface FixtureCase {
  file: string;
  format: string;
  count: number;
  dev?: number;
  direct?: number;
  entries: Entry[];
}

const e = (
  name: string,
  version: string,
  direct: boolean,
  dev: boolean,
  line: number,
  path: string[] | null,
): Entry => ({ name, version, direct, dev, line, path });

const cases: FixtureCase[] = [
  {
    file: 'package-lock-v1-zod/package-lock.json',
    format: 'package-lock v1',
    count: 653,
    direct: 13,
    entries: [
      e('lodash', '4.17.15', false, false, 3833, ['gts@2.0.2', 'eslint@6.8.0', 'lodash@4.17.15']),
      e('minimist', '1.2.5', false, false, 3992, [
        'ts-jest@26.1.1',
        'json5@2.1.3',
        'minimist@1.2.5',
      ]),
      e('typescript', '3.9.5', true, true, 5889, ['typescript@3.9.5']),
    ],
  },
  {
    file: 'package-lock-v1-eslint-plugin-security/package-lock.json',
    format: 'package-lock v1',
    count: 200,
    entries: [
      e('lodash', '4.17.4', false, true, 1002, ['changelog@1.3.0', 'lodash@4.17.4']),
      e('minimist', '0.0.8', false, true, 1038, [
        'eslint@2.13.1',
        'mkdirp@0.5.1',
        'minimist@0.0.8',
      ]),
      e('safe-regex', '1.1.0', true, false, 1393, ['safe-regex@1.1.0']),
    ],
  },
  {
    file: 'package-lock-v2-eslint-plugin-security/package-lock.json',
    format: 'package-lock v2',
    count: 311,
    direct: 8,
    entries: [
      e('safe-regex', '2.1.1', true, false, 2967, ['safe-regex@2.1.1']),
      e('regexp-tree', '0.1.5', false, false, 2849, ['safe-regex@2.1.1', 'regexp-tree@0.1.5']),
      e('mocha', '9.2.2', true, true, 2420, ['mocha@9.2.2']),
    ],
  },
  {
    file: 'package-lock-v3-zod/package-lock.json',
    format: 'package-lock v3',
    count: 626,
    dev: 626,
    entries: [
      e('typescript', '4.5.5', true, true, 9804, ['typescript@4.5.5']),
      e('@ampproject/remapping', '2.2.1', false, true, 45, [
        'ts-jest@29.1.0',
        '@babel/core@7.21.8',
        '@ampproject/remapping@2.2.1',
      ]),
    ],
  },
  {
    file: 'yarn-v1-hono/yarn.lock',
    format: 'yarn.lock v1',
    count: 783,
    entries: [
      e('typescript', '4.6.3', true, true, 5485, ['typescript@4.6.3']),
      e('@babel/core', '7.18.9', false, true, 25, [
        'jest@27.5.1',
        '@jest/core@27.5.1',
        '@jest/transform@27.5.1',
        '@babel/core@7.18.9',
      ]),
    ],
  },
  {
    file: 'yarn-berry-secretlint/yarn.lock',
    format: 'yarn.lock berry',
    count: 991,
    entries: [
      e('turbo', '1.13.0', true, true, 9419, ['turbo@1.13.0']),
      e('@azu/style-format', '1.0.1', false, false, 22, [
        '@textlint/linter-formatter@12.6.1',
        '@azu/style-format@1.0.1',
      ]),
      // The patched typescript resolves to the package it patches, merged with the plain entry.
      e('typescript', '5.1.6', true, false, 9543, ['typescript@5.1.6']),
    ],
  },
  {
    file: 'pnpm-v6-zod/pnpm-lock.yaml',
    format: 'pnpm-lock v6.0',
    count: 754,
    dev: 754,
    direct: 34,
    entries: [
      e('@babel/core', '7.24.0', true, true, 139, ['@babel/core@7.24.0']),
      e('@ampproject/remapping', '2.3.0', false, true, 118, [
        '@babel/core@7.24.0',
        '@ampproject/remapping@2.3.0',
      ]),
    ],
  },
  {
    file: 'pnpm-v9-secretlint/pnpm-lock.yaml',
    format: 'pnpm-lock v9.0',
    count: 566,
    entries: [
      e('turbo', '2.5.8', true, true, 3336, ['turbo@2.5.8']),
      e('benchmark', '2.1.4', true, false, 2023, ['benchmark@2.1.4']),
      e('@azu/format-text', '1.0.2', false, false, 1234, [
        '@textlint/linter-formatter@15.2.3',
        '@azu/format-text@1.0.2',
      ]),
    ],
  },
  {
    file: 'bun-lock-hono/bun.lock',
    format: 'bun.lock v1',
    count: 1012,
    dev: 1012,
    entries: [
      e('prettier', '3.7.4', true, true, 1252, ['prettier@3.7.4']),
      e('picocolors', '1.1.1', false, true, 1228, ['publint@0.3.15', 'picocolors@1.1.1']),
    ],
  },
  {
    file: 'requirements-hashes-gh-action-sigstore-python/requirements/main.txt',
    format: 'requirements.txt',
    count: 41,
    direct: 2,
    dev: 0,
    entries: [
      e('sigstore', '3.6.3', true, false, 541, ['sigstore@3.6.3']),
      e('requests', '2.32.4', true, false, 507, ['requests@2.32.4']),
      e('pydantic', '2.11.5', false, false, 384, ['sigstore@3.6.3', 'pydantic@2.11.5']),
    ],
  },
  {
    file: 'poetry-rich/poetry.lock',
    format: 'poetry.lock',
    count: 77,
    dev: 16,
    entries: [
      e('pygments', '2.11.2', true, false, 689, ['pygments@2.11.2']),
      e('pytest', '6.2.5', true, true, 716, ['pytest@6.2.5']),
      e('appnope', '0.1.2', false, false, 2, [
        'ipywidgets@7.6.5',
        'ipykernel@5.5.6',
        'appnope@0.1.2',
      ]),
    ],
  },
  {
    file: 'pipfile-lock-ggshield/Pipfile.lock',
    format: 'Pipfile.lock',
    count: 55,
    dev: 45,
    entries: [
      e('click', '7.1.2', true, false, 32, ['click@7.1.2']),
      e('pytest', '6.2.2', true, true, 477, ['pytest@6.2.2']),
      e('requests', '2.25.1', false, false, 111, null),
    ],
  },
  {
    file: 'uv-lock-zizmor/uv.lock',
    format: 'uv.lock v1',
    count: 22,
    dev: 22,
    entries: [
      e('pytest', '9.1.1', true, true, 224, ['pytest@9.1.1']),
      e('click', '8.3.1', false, true, 6, ['zensical@0.0.53', 'click@8.3.1']),
    ],
  },
  {
    file: 'gomod-gitleaks/go.mod',
    format: 'go.mod',
    count: 28,
    direct: 9,
    dev: 0,
    entries: [
      e('github.com/spf13/cobra', 'v1.2.1', true, false, 9, ['github.com/spf13/cobra@v1.2.1']),
      e('golang.org/x/sys', 'v0.0.0-20211110154304-99a53858aa08', false, false, 32, null),
    ],
  },
  {
    file: 'cargo-ast-grep/Cargo.lock',
    format: 'Cargo.lock v3',
    count: 242,
    entries: [
      e('regex', '1.9.1', true, false, 1340, ['regex@1.9.1']),
      e('aho-corasick', '1.0.2', false, false, 6, ['globset@0.4.11', 'aho-corasick@1.0.2']),
    ],
  },
  {
    file: 'gemfile-osv-schema-docs/Gemfile.lock',
    format: 'Gemfile.lock',
    count: 96,
    direct: 3,
    entries: [
      e('webrick', '1.9.2', true, false, 292, ['webrick@1.9.2']),
      // Platform variants (1.19.4-aarch64-linux-gnu...) are one release, declared at the first.
      e('nokogiri', '1.19.4', false, false, 243, ['github-pages@228', 'nokogiri@1.19.4']),
    ],
  },
  {
    file: 'composer-grav/composer.lock',
    format: 'composer.lock (plugin API 2.1.0)',
    count: 102,
    dev: 52,
    entries: [
      e('symfony/yaml', 'v4.4.34', true, false, 3171, ['symfony/yaml@v4.4.34']),
      e('phpunit/phpunit', '9.5.10', false, true, 5063, [
        'codeception/codeception@4.1.22',
        'codeception/phpunit-wrapper@9.0.6',
        'phpunit/phpunit@9.5.10',
      ]),
    ],
  },
];

describe('real lockfiles from ../shared/fixtures/lockfiles', () => {
  it.each(cases)('$file', ({ file, format, count, dev, direct, entries }) => {
    const result = parseFile(shared('fixtures', 'lockfiles', file));

    expect(result.format).toBe(format);
    expect(result.packages).toHaveLength(count);
    if (dev !== undefined) expect(result.packages.filter((p) => p.dev)).toHaveLength(dev);
    if (direct !== undefined) expect(result.packages.filter((p) => p.direct)).toHaveLength(direct);
    for (const expected of entries) {
      expect(entriesNamed(result, expected.name)).toContainEqual(expected);
    }
  });

  it('names the lockfile it read on every package', () => {
    const path = shared('fixtures', 'lockfiles', 'composer-grav', 'composer.lock');
    const result = parseFile(path);
    expect(new Set(result.packages.map((p) => p.lockfile))).toEqual(new Set([path]));
    expect(result.lockfile).toBe(path);
  });
});
