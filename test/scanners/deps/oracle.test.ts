import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importAdvisories, readSource } from '../../../src/advisories/index.js';
import { shared } from '../../helpers/shared.js';
import { runDeps, summary } from './harness.js';

/*
 * Every expectation below was worked out by hand from the advisory files in
 * ../shared/advisories (ranges read with jq and a YAML reader), not from Bulwark's matcher.
 * The comment beside each names the range that decides it.
 */

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-oracle-'));
  dbPath = join(dir, 'advisories.db');
  importAdvisories({ dbPath, files: readSource(shared('advisories')), source: 'oracle' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string): string {
  return shared('fixtures', 'lockfiles', name);
}

/** Write a small lockfile naming real packages and versions; returns its folder. */
function handMade(name: string, file: string, text: string): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), text);
  return folder;
}

function property(
  findings: Awaited<ReturnType<typeof runDeps>>['findings'],
  pkg: string,
  key: string,
): unknown {
  const hit = findings.find((f) => `${f.properties?.package}@${f.properties?.version}` === pkg);
  return hit?.properties?.[key];
}

describe('oracle: real lockfiles against the real advisories', () => {
  it('gomod-gitleaks: pseudo-versions and several advisories per module', async () => {
    const { findings } = await runDeps(fixture('gomod-gitleaks'), ['go.mod'], dbPath);

    expect(summary(findings)).toEqual([
      // x/sys pseudo-version 2021-11-10 is before the fix 0.0.0-20220412211240 (GO-2022-0493)
      // and below 0.44.0 (GO-2026-5024).
      'golang.org/x/sys@v0.0.0-20211110154304-99a53858aa08: GO-2022-0493 GO-2026-5024',
      // x/text 0.3.6: fixed 0.3.7, 0.3.8, 0.39.0 affect it; GO-2020-0015 (fixed 0.3.3) does not.
      'golang.org/x/text@v0.3.6: GO-2021-0113 GO-2022-1059 GO-2026-5970',
      // yaml.v3 pseudo-version 2021-01-07 is before the fix pseudo-version 2022-05-21.
      'gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b: GO-2022-0603',
    ]);
    expect(property(findings, 'golang.org/x/text@v0.3.6', 'upgradeTo')).toBe('v0.39.0');
    expect(
      property(findings, 'golang.org/x/sys@v0.0.0-20211110154304-99a53858aa08', 'upgradeTo'),
    ).toBe('v0.44.0');
    expect(
      property(findings, 'gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b', 'upgradeTo'),
    ).toBe('v3.0.0-20220521103104-8f96da9f5d5e');
    const sys = findings.find((f) => f.properties?.package === 'golang.org/x/sys');
    expect((sys?.properties?.advisories as Array<{ ids: string[] }>)[0].ids).toEqual([
      'GO-2022-0493',
      'CVE-2022-29526',
      'GHSA-p782-xgp4-8hr8',
    ]);
  });

  it('pipfile-lock-ggshield: last_affected, multi-range and a PEP 440 prerelease', async () => {
    const { findings } = await runDeps(fixture('pipfile-lock-ggshield'), ['Pipfile.lock'], dbPath);

    expect(summary(findings)).toEqual([
      // 20.8b1 (a beta) is below the 24.3.0 fix.
      'black@20.8b1: PYSEC-2024-48',
      // [2017.11.5, 2022.12.7) and [2015.4.28, 2023.7.22).
      'certifi@2020.12.5: PYSEC-2022-42986 PYSEC-2023-135',
      // [0.1, 3.7).
      'idna@2.10: PYSEC-2024-60',
      // last_affected 1.11.0 covers 1.10.0; PYSEC-2020-92 is fixed in 1.10.0 itself.
      'py@1.10.0: PYSEC-2022-42969',
      // [2.3.0, 2.31.0); the older requests advisories are fixed by 2.25.1.
      'requests@2.25.1: PYSEC-2023-74',
      // PYSEC-2023-192/-212 list [2.0.0, 2.0.x) before [0, 1.26.17/18): out of order, two
      // intervals; PYSEC-2021-59 is fixed at exactly 1.26.4.
      'urllib3@1.26.4: PYSEC-2021-108 PYSEC-2023-192 PYSEC-2023-212',
    ]);
    expect(property(findings, 'urllib3@1.26.4', 'upgradeTo')).toBe('1.26.18');
    expect(property(findings, 'py@1.10.0', 'upgradeTo')).toBeUndefined();
    expect(property(findings, 'black@20.8b1', 'dev')).toBe(true);
  });

  it('yarn-berry-secretlint: last_affected inclusive, and fixes reached exactly', async () => {
    const { findings } = await runDeps(fixture('yarn-berry-secretlint'), ['yarn.lock'], dbPath);

    expect(summary(findings)).toEqual([
      'braces@2.3.2: GHSA-grv7-fg5c-xmjg',
      'braces@3.0.2: GHSA-grv7-fg5c-xmjg',
      // [3.0.0, 5.1.2); 5.1.2 and 6.0.2 are not affected.
      'glob-parent@3.1.0: GHSA-ww39-953v-wcq6',
      // GHSA-2p57-rm9w-gvfp has last_affected 2.0.1 (inclusive);
      // GHSA-78xj-cgh5-2h22 stops at 1.1.8.
      'ip@2.0.1: GHSA-2p57-rm9w-gvfp',
      'micromatch@3.1.10: GHSA-952p-6rrq-rcjv',
      'micromatch@4.0.5: GHSA-952p-6rrq-rcjv',
      // [3.0.0, 3.29.5) of three ranges.
      'rollup@3.29.4: GHSA-gcx4-mw62-g8wm',
    ]);
    expect(property(findings, 'ip@2.0.1', 'upgradeTo')).toBeUndefined();
    expect(property(findings, 'micromatch@3.1.10', 'upgradeTo')).toBe('4.0.8');
    expect(property(findings, 'rollup@3.29.4', 'upgradeTo')).toBe('3.29.5');
  });

  it('package-lock-v2-eslint-plugin-security: a prerelease, a nine-range advisory, legacy records', async () => {
    const { findings } = await runDeps(
      fixture('package-lock-v2-eslint-plugin-security'),
      ['package-lock.json'],
      dbPath,
    );

    expect(summary(findings)).toEqual([
      // 7.0.0-beta.44 is a prerelease below the 7.23.2 fix.
      '@babel/traverse@7.0.0-beta.44: GHSA-67hx-6x53-jw92',
      'braces@3.0.2: GHSA-grv7-fg5c-xmjg',
      // Legacy "<5.0.3 >=5.0.0 || < 4.2.1".
      'hoek@2.16.3: NSP-367',
      'json-schema@0.2.3: GHSA-896r-f27r-55mw',
      // NSP-368 (<4.17.5) and NSP-493 (<4.17.11) alias CVEs no GHSA here carries.
      'lodash@4.17.4: GHSA-29mw-wpgm-hmr9 GHSA-35jh-r3h4-6jhm GHSA-jf85-cpcp-j695 GHSA-p6mc-m468-83gw NSP-368 NSP-493',
      'micromatch@4.0.5: GHSA-952p-6rrq-rcjv',
      'minimatch@3.0.4: GHSA-f8q6-p94x-37v3',
      // [0, 2.29.2) only; GHSA-wc69-rhjr-hc9g opens at 2.18.0.
      'moment@2.17.1: GHSA-8hfj-j24r-96c4',
      // The [6.3.0, 6.3.3) interval of GHSA-hrpp-h998-j3pp's nine.
      'qs@6.3.2: GHSA-hrpp-h998-j3pp',
      // last_affected 2.88.2; legacy NSP-309 stops at 2.67.0.
      'request@2.79.0: GHSA-p8p7-x288-28g6',
      'semver@5.3.0: GHSA-c2qf-rxjj-qqgw',
      'tough-cookie@2.3.4: GHSA-72xf-g2v4-qvf3',
      'tunnel-agent@0.4.3: NSP-393',
      // Listed under "GitHub Actions" in the advisory; corrected to npm.
      'word-wrap@1.2.3: GHSA-j8xg-fqg3-53r7',
    ]);
    // 2.29.2 fixes GHSA-8hfj but lands in GHSA-wc69's [2.18.0, 2.29.4).
    expect(property(findings, 'moment@2.17.1', 'upgradeTo')).toBe('2.29.4');
    expect(property(findings, 'lodash@4.17.4', 'upgradeTo')).toBe('4.17.21');
    expect(property(findings, 'qs@6.3.2', 'upgradeTo')).toBe('6.3.3');
  });
});

describe('oracle: hand-made lockfiles naming real packages', () => {
  it('a withdrawn advisory does not match, its live siblings do', async () => {
    const root = handMade(
      'withdrawn',
      'package-lock.json',
      JSON.stringify(
        {
          name: 'app',
          lockfileVersion: 3,
          requires: true,
          packages: {
            '': { name: 'app', dependencies: { jsonwebtoken: '8.5.1' } },
            'node_modules/jsonwebtoken': { version: '8.5.1' },
          },
        },
        null,
        2,
      ),
    );
    const { findings } = await runDeps(root, ['package-lock.json'], dbPath);

    // GHSA-27h2-hvpr-p74q (withdrawn 2023-01-27) has the same [0, 9.0.0) range.
    expect(summary(findings)).toEqual([
      'jsonwebtoken@8.5.1: GHSA-8cf7-32gw-wr33 GHSA-hjrf-2m68-5959 GHSA-qwph-4952-7xr6',
    ]);
    expect(findings[0].fix?.text).toBe(
      'upgrade jsonwebtoken 8.5.1 → 9.0.0 (fixes GHSA-8cf7-32gw-wr33, GHSA-hjrf-2m68-5959, GHSA-qwph-4952-7xr6)',
    );
  });

  it('PEP 440 post and local versions; a withdrawn PyPI advisory', async () => {
    const root = handMade(
      'pep440',
      'requirements.txt',
      'aiohttp==3.7.4.post0\ntorch==1.13.0+cpu\n',
    );
    const { findings } = await runDeps(root, ['requirements.txt'], dbPath);

    expect(summary(findings)).toEqual([
      // 3.7.4.post0 is after PYSEC-2021-76's fix 3.7.4; the withdrawn PYSEC-2022-43059 lists it.
      'aiohttp@3.7.4.post0: PYSEC-2023-120 PYSEC-2023-246 PYSEC-2023-247 PYSEC-2023-250 PYSEC-2023-251 PYSEC-2024-24 PYSEC-2024-26',
      // 1.13.0+cpu is a local build of 1.13.0, below the 1.13.1 fix.
      'torch@1.13.0+cpu: PYSEC-2022-43015',
    ]);
    expect(property(findings, 'aiohttp@3.7.4.post0', 'upgradeTo')).toBe('3.9.2');
  });

  it('a local build of the fixed release is not affected', async () => {
    const root = handMade('pep440-fixed', 'requirements.txt', 'torch==1.13.1+cpu\n');
    expect((await runDeps(root, ['requirements.txt'], dbPath)).findings).toEqual([]);
  });

  it('malicious packages: critical, told to remove; explicit versions and last_affected pairs', async () => {
    const root = handMade(
      'malicious',
      'package-lock.json',
      JSON.stringify(
        {
          name: 'app',
          lockfileVersion: 3,
          requires: true,
          packages: {
            '': {
              name: 'app',
              dependencies: { 'ngx-bootstrap': '20.0.4', 'event-stream': '3.3.6', debug: '4.4.2' },
            },
            'node_modules/ngx-bootstrap': { version: '20.0.4' },
            'node_modules/event-stream': {
              version: '3.3.6',
              dependencies: { 'flatmap-stream': '0.1.1' },
            },
            'node_modules/flatmap-stream': { version: '0.1.1' },
            'node_modules/debug': { version: '4.4.2' },
          },
        },
        null,
        2,
      ),
    );
    const { findings } = await runDeps(root, ['package-lock.json'], dbPath);

    expect(summary(findings)).toEqual([
      // MAL-2025-46974 lists exactly 4.4.2.
      'debug@4.4.2: MAL-2025-46974',
      // GHSA-mh6f-8j2x-4483: event-stream [3.3.6, 4.0.0) plus versions [3.3.6]; flatmap-stream
      // from 0 with no fix, and the legacy NSP-477 ("Embedded Malicious Code", "*").
      'event-stream@3.3.6: GHSA-mh6f-8j2x-4483',
      'flatmap-stream@0.1.1: GHSA-mh6f-8j2x-4483 NSP-477',
      // MAL-2025-47197: [20.0.3, last_affected 20.0.6] and [19.0.3, 19.0.4].
      'ngx-bootstrap@20.0.4: MAL-2025-47197',
    ]);
    for (const finding of findings) {
      expect(finding.severity).toBe('critical');
      expect(finding.message).toMatch(/is a known malicious package \(.+\): remove it$/);
    }
    const flatmap = findings.find((f) => f.properties?.package === 'flatmap-stream');
    expect(flatmap?.properties).toMatchObject({
      directDependency: 'event-stream@3.3.6',
      path: ['event-stream@3.3.6', 'flatmap-stream@0.1.1'],
    });
  });
});
