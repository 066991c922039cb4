import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AUDIT_MAX_BYTES, auditAnswer, npmRange } from '../../src/proxy/npm/audit.js';
import type { AdvisorySource } from '../../src/proxy/policy/types.js';
import { sharedAdvisories } from './helpers/advisories.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { npmProject, run, startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('npm audit through the proxy', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;
  let advisories: ReturnType<typeof sharedAdvisories>;

  beforeAll(async () => {
    advisories = sharedAdvisories(['npm-ghsa', 'npm-malicious']);
    upstream = await startNpmUpstream([
      { name: 'lodash', version: '4.17.15', ageDays: 2000 },
      { name: 'lodash', version: '4.17.21', ageDays: 1500 },
      { name: 'minimist', version: '1.2.8', ageDays: 900 },
    ]);
    proxy = await startTestProxy(upstream.url, {}, { advisories: advisories.source });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    advisories.close();
  });

  it('answers the gzip bulk endpoint from the advisory database', async () => {
    const res = await fetch(`${proxy.url}/-/npm/v1/security/advisories/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(
        JSON.stringify({ lodash: ['4.17.15'], minimist: ['1.2.8'], 'no-such-pkg': ['1.0.0'] }),
      ),
    });
    const body = (await res.json()) as Record<string, Array<Record<string, unknown>>>;

    expect(res.status).toBe(200);
    expect(Object.keys(body)).toEqual(['lodash']);
    expect(body.lodash.map((a) => [a.id, a.severity, a.vulnerable_versions])).toEqual([
      ['GHSA-29mw-wpgm-hmr9', 'moderate', '>=0.0.0-0 <4.17.21'],
      ['GHSA-35jh-r3h4-6jhm', 'high', '>=0.0.0-0 <4.17.21'],
      ['GHSA-p6mc-m468-83gw', 'high', '>=0.0.0-0 <4.17.20'],
    ]);
  });

  const tooLarge = `npm audit request body over ${AUDIT_MAX_BYTES} bytes (also once unzipped); audit the project in parts`;

  it('refuses a body over the limit, sent or once unzipped, with 413 and a JSON error', async () => {
    const names = Object.fromEntries(
      Array.from({ length: 120_000 }, (_, i) => [`pkg-${i}`, ['1.0.0']]),
    );
    const plain = Buffer.from(JSON.stringify(names));
    const bomb = gzipSync(Buffer.from(`{"a":["${'1'.repeat(AUDIT_MAX_BYTES)}"]}`));
    const answers = [];
    for (const [body, headers] of [
      [plain, {}],
      [bomb, { 'content-encoding': 'gzip' }],
    ] as const) {
      const res = await fetch(`${proxy.url}/-/npm/v1/security/advisories/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      answers.push([res.status, res.headers.get('content-type'), await res.json()]);
    }

    expect(plain.length).toBeGreaterThan(AUDIT_MAX_BYTES);
    expect(bomb.length).toBeLessThan(AUDIT_MAX_BYTES);
    expect(answers).toEqual([
      [413, 'application/json; charset=utf-8', { error: tooLarge }],
      [413, 'application/json; charset=utf-8', { error: tooLarge }],
    ]);
  });

  it('yields to the event loop every 200 packages while answering', async () => {
    let lookups = 0;
    const counting: AdvisorySource = {
      match: (ecosystem, name, version) => {
        lookups++;
        return advisories.source.match(ecosystem, name, version);
      },
      records: (ecosystem, name) => advisories.source.records(ecosystem, name),
    };
    const request = Object.fromEntries(
      Array.from({ length: 450 }, (_, i) => [i === 449 ? 'lodash' : `pkg-${i}`, ['4.17.15']]),
    );
    const seen: number[] = [];
    // Queued before the answer starts: it runs at the first yield, not after the last lookup.
    setImmediate(() => seen.push(lookups));
    const answer = await auditAnswer(request, counting);

    expect(seen).toEqual([200]);
    expect([lookups, Object.keys(answer)]).toEqual([450, ['lodash']]);
  });

  it('lets `npm audit` report a locked vulnerable version with the upstream gone', async () => {
    const project = npmProject({ lodash: '4.17.15' });
    writeFileSync(
      join(project.dir, 'package-lock.json'),
      JSON.stringify({
        name: 'app',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', version: '1.0.0', dependencies: { lodash: '4.17.15' } },
          'node_modules/lodash': {
            version: '4.17.15',
            resolved: `${proxy.url}/lodash/-/lodash-4.17.15.tgz`,
          },
        },
      }),
    );
    await fetch(`${proxy.url}/lodash`);
    upstream.mode = 'garbage';

    const args = project.npmArgs(proxy.url).filter((a) => a !== '--no-audit');
    const result = await run(
      'npm',
      ['audit', '--json', '--package-lock-only', ...args],
      project.dir,
    );

    const report = JSON.parse(result.stdout) as {
      vulnerabilities: Record<string, { severity: string; via: Array<{ source: string }> }>;
    };
    expect(result.code).toBe(1);
    expect(report.vulnerabilities.lodash.severity).toBe('high');
    expect(report.vulnerabilities.lodash.via.map((v) => v.source).sort()).toEqual([
      'GHSA-29mw-wpgm-hmr9',
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-p6mc-m468-83gw',
    ]);
    upstream.mode = 'ok';
    project.remove();
  });

  it.each([
    [
      'not gzip',
      { 'content-encoding': 'gzip' },
      Buffer.from('{"lodash":["1.0.0"]}'),
      'audit body is not valid gzip',
    ],
    ['not JSON', {}, Buffer.from('lodash'), 'audit body is not JSON'],
    [
      'a bad name',
      {},
      Buffer.from('{"../etc":["1"]}'),
      'audit entry "../etc" must be a package name with a list of versions',
    ],
  ])('refuses a body that is %s', async (_, headers, body, error) => {
    const res = await fetch(`${proxy.url}/-/npm/v1/security/advisories/bulk`, {
      method: 'POST',
      headers,
      body,
    });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, error]);
  });

  it.each([
    [
      { type: 'SEMVER' as const, events: [{ introduced: '0' }, { fixed: '1.2.3' }] },
      [],
      '>=0.0.0-0 <1.2.3',
    ],
    [
      { type: 'SEMVER' as const, events: [{ introduced: '2.0.0' }, { last_affected: '2.4.1' }] },
      [],
      '>=2.0.0 <=2.4.1',
    ],
    [
      { type: 'ECOSYSTEM' as const, events: [{ introduced: '1.0.0' }] },
      ['0.9.0'],
      '0.9.0 || >=1.0.0',
    ],
    [
      { type: 'SEMVER' as const, events: [{ introduced: '7.0.0' }, { fixed: '7.2.4, 6.11.4' }] },
      [],
      '',
    ],
  ])('turns %j into an npm range', (range, versions, expected) => {
    expect(npmRange({ ecosystem: 'npm', name: 'x', ranges: [range], versions })).toBe(expected);
  });
});
