import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importAdvisories, readSource } from '../../../src/advisories/index.js';
import { BulwarkError } from '../../../src/core/errors.js';
import { fingerprint } from '../../../src/core/fingerprint.js';
import { parseLockfile } from '../../../src/lockfiles/index.js';
import { depsScanner } from '../../../src/scanners/deps/index.js';
import { shared } from '../../helpers/shared.js';
import { runDeps, summary } from './harness.js';

let dir: string;
let dbPath: string;
let root: string;

/** A package-lock.json v3: app → glob 7.1.2 → minimatch 3.0.4; lodash 4.17.20 direct; dev json5. */
const LOCK = JSON.stringify(
  {
    name: 'app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: 'app',
        dependencies: { glob: '7.1.2', lodash: '4.17.20' },
        devDependencies: { json5: '2.1.3' },
      },
      'node_modules/glob': { version: '7.1.2', dependencies: { minimatch: '^3.0.4' } },
      'node_modules/minimatch': { version: '3.0.4' },
      'node_modules/lodash': { version: '4.17.20' },
      'node_modules/json5': { version: '2.1.3', dev: true },
    },
  },
  null,
  2,
);

/** A package-lock.json with a string left open on line 3. */
const CORRUPT = '{\n  "lockfileVersion": 3,\n  "packages": {"a": "b\n}';

/** The hint the lockfile parser gives for a file it rejects. */
function parserHint(path: string, text: string): string {
  try {
    parseLockfile(path, text, () => undefined);
  } catch (error) {
    if (error instanceof BulwarkError && error.hint) return error.hint;
  }
  throw new Error(`${path} parsed, or failed without a hint`);
}

/** The 1-based line of LOCK holding `text`. */
function lineOf(text: string): number {
  return LOCK.split('\n').findIndex((line) => line.includes(text)) + 1;
}

function project(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-deps-'));
  root = join(dir, 'projects');
  dbPath = join(dir, 'advisories.db');
  const files = ['npm-ghsa', 'npm-malicious', 'npm-legacy'].flatMap((f) =>
    readSource(shared('advisories', f)),
  );
  importAdvisories({ dbPath, files, source: 'test' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deps scanner', () => {
  it('wants lockfiles only', () => {
    expect(
      ['package-lock.json', 'sub/yarn.lock', 'go.mod', 'package.json', 'src/index.ts'].map(
        depsScanner.wants,
      ),
    ).toEqual([true, true, true, false, false]);
  });

  it('reports one self-contained finding per vulnerable package, with the upgrade and the path', async () => {
    const folder = project('basic', { 'package-lock.json': LOCK });
    const { findings, logs } = await runDeps(folder, ['package-lock.json'], dbPath);

    expect(logs).toEqual([]);
    expect(summary(findings)).toEqual([
      'json5@2.1.3: GHSA-9c47-m6qq-7p4h',
      'lodash@4.17.20: GHSA-29mw-wpgm-hmr9 GHSA-35jh-r3h4-6jhm',
      'minimatch@3.0.4: GHSA-f8q6-p94x-37v3',
    ]);
    const minimatch = findings.find((f) => f.properties?.package === 'minimatch');
    expect(minimatch).toMatchObject({
      ruleId: 'deps/GHSA-f8q6-p94x-37v3',
      scanner: 'deps',
      location: { path: 'package-lock.json', startLine: lineOf('"node_modules/minimatch"') },
      fingerprint: fingerprint('deps/GHSA-f8q6-p94x-37v3', 'package-lock.json', 'minimatch@3.0.4'),
      properties: {
        ecosystem: 'npm',
        upgradeTo: '3.0.5',
        fixedVersions: ['3.0.5'],
        directDependency: 'glob@7.1.2',
        path: ['glob@7.1.2', 'minimatch@3.0.4'],
        dev: false,
      },
    });
    expect(minimatch?.message).toBe(
      'minimatch 3.0.4 is affected by GHSA-f8q6-p94x-37v3 (minimatch ReDoS vulnerability); upgrade to 3.0.5 (via glob@7.1.2)',
    );
    expect(minimatch?.fix?.text).toBe(
      'upgrade minimatch 3.0.4 → 3.0.5 (fixes GHSA-f8q6-p94x-37v3); it comes from glob@7.1.2: upgrade that to a release that allows minimatch 3.0.5',
    );
    const lodash = findings.find((f) => f.properties?.package === 'lodash');
    expect(lodash?.ruleId).toBe('deps/GHSA-35jh-r3h4-6jhm');
    expect(lodash?.severity).toBe('high');
    expect(lodash?.message).toBe(
      'lodash 4.17.20 is affected by 2 advisories (GHSA-35jh-r3h4-6jhm, GHSA-29mw-wpgm-hmr9); upgrade to 4.17.21',
    );
    for (const finding of findings) expect(finding.message).not.toContain('\n');
  });

  it('leaves out development packages when includeDev is false', async () => {
    const folder = project('nodev', { 'package-lock.json': LOCK });
    const { findings } = await runDeps(folder, ['package-lock.json'], dbPath, (c) => {
      c.scanners.deps.includeDev = false;
    });
    expect(summary(findings).map((s) => s.split('@')[0])).toEqual(['lodash', 'minimatch']);
  });

  it('applies ignores by any alias, warns about expired and unused ones', async () => {
    const folder = project('ignores', { 'package-lock.json': LOCK });
    const { findings, logs } = await runDeps(folder, ['package-lock.json'], dbPath, (c) => {
      c.scanners.deps.ignore = [
        { id: 'CVE-2021-23337', reason: 'template() is never called', expires: '2999-01-01' },
        { id: 'GHSA-f8q6-p94x-37v3', reason: 'accepted until the upgrade', expires: '2000-01-01' },
        { id: 'GHSA-0000-0000-0000', reason: 'left over' },
      ];
    });

    expect(summary(findings)).toEqual([
      'json5@2.1.3: GHSA-9c47-m6qq-7p4h',
      'lodash@4.17.20: GHSA-29mw-wpgm-hmr9',
      'minimatch@3.0.4: GHSA-f8q6-p94x-37v3',
    ]);
    expect(logs).toEqual([
      'warn: ignore of GHSA-f8q6-p94x-37v3 expired on 2000-01-01; it no longer applies',
      'warn: ignore of GHSA-0000-0000-0000 matched no dependency; remove it from bulwark.yaml',
    ]);
  });

  it('reports an unparsable lockfile once as file:line, message and hint, and scans the others', async () => {
    const folder = project('broken', {
      'a/package-lock.json': CORRUPT,
      'b/package-lock.json': LOCK,
    });
    const { findings, logs, problems } = await runDeps(
      folder,
      ['a/package-lock.json', 'b/package-lock.json'],
      dbPath,
    );

    expect(problems).toEqual([
      {
        path: 'a/package-lock.json',
        line: 3,
        // The hint is the lockfile parser's own, whatever its wording.
        message: `a/package-lock.json is not valid JSON: a string holds a raw control character; ${parserHint(
          'a/package-lock.json',
          CORRUPT,
        )}`,
      },
    ]);
    expect(logs).toEqual([
      `warn: a/package-lock.json:3: lockfile not checked: ${problems[0]?.message}`,
    ]);
    expect(findings).toHaveLength(3);
  });

  it('without a database it names, warns once how to create it and reports it as a problem', async () => {
    const folder = project('nodb', { 'package-lock.json': LOCK });
    const missing = join(dir, 'missing.db');
    const { findings, logs, problems } = await runDeps(folder, ['package-lock.json'], missing);

    expect(findings).toEqual([]);
    expect(logs).toEqual([
      `warn: no advisory database at ${missing}, dependencies not checked: create it with \`bulwark db import <dir|zip>\` (OSV files) or \`bulwark db update\` (download)`,
    ]);
    expect(problems).toEqual([{ path: missing, message: `no advisory database at ${missing}` }]);
  });

  it('treats an unreadable database as an input error and reports nothing', async () => {
    const folder = project('baddb', { 'package-lock.json': LOCK, 'advisories.db': 'not SQLite' });
    const { findings, logs, problems } = await runDeps(
      folder,
      ['package-lock.json'],
      'advisories.db',
    );
    const full = join(folder, 'advisories.db');

    expect(findings).toEqual([]);
    expect(problems).toEqual([
      { path: 'advisories.db', message: `${full} is not a Bulwark advisory database` },
    ]);
    expect(logs).toEqual([
      `warn: advisory database unreadable, dependencies not checked: ${full} is not a Bulwark advisory database`,
    ]);
  });

  it('warns when the database is older than maxAgeDays', async () => {
    const stale = join(dir, 'stale.db');
    importAdvisories({
      dbPath: stale,
      files: readSource(shared('advisories', 'npm-malicious')),
      source: 'test',
      now: () => new Date(Date.now() - 10 * 86_400_000),
    });
    const folder = project('stale', { 'package-lock.json': LOCK });
    const { logs } = await runDeps(folder, ['package-lock.json'], stale);

    expect(logs).toEqual([
      'warn: advisory database is 10 days old; refresh it with `bulwark db update`',
    ]);
  });
});
