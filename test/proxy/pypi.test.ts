import { readdirSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sharedAdvisories } from './helpers/advisories.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { cleanEnv, run, startTestProxy, tempDir } from './helpers/proxy.js';
import { startPypiUpstream, type PypiUpstream } from './helpers/pypi-upstream.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';

describe('pip install through the proxy', () => {
  let npm: NpmUpstream;
  let pypi: PypiUpstream;
  let proxy: Proxy;
  let advisories: ReturnType<typeof sharedAdvisories>;

  beforeAll(async () => {
    advisories = sharedAdvisories(['pypi/jinja2']);
    npm = await startNpmUpstream([]);
    pypi = await startPypiUpstream([
      { project: 'fixture-py-good', version: '1.0', ageDays: 40 },
      { project: 'fixture-py-good', version: '1.1', ageDays: 1 },
      { project: 'fixture-py-good', version: '0.9', ageDays: 90, yanked: 'broken build' },
      { project: 'jinja2', version: '2.10', ageDays: 2000 },
      { project: 'jinja2', version: '2.11.3', ageDays: 1500 },
      { project: 'reqeusts', version: '1.0', ageDays: 100 },
      { project: 'fixture-py-tampered', version: '1.0', ageDays: 100, tamper: true },
      { project: 'fixture-py-gpl', version: '1.0', ageDays: 100, license: 'GPL-3.0-only' },
    ]);
    proxy = await startTestProxy(
      npm.url,
      {
        rules: {
          vulnerabilities: { severity: 'medium' },
          licenses: { mode: 'block', deny: ['GPL-3.0-only'] },
        },
      },
      { advisories: advisories.source, pypiUpstream: pypi.url },
    );
  });

  afterAll(async () => {
    await proxy.close();
    await npm.close();
    await pypi.close();
    advisories.close();
  });

  const pip = async (...specs: string[]) => {
    const target = tempDir('pip-target');
    const args = [
      '-m',
      'pip',
      'install',
      '--index-url',
      `${proxy.url}/-/pypi/simple/`,
      '--target',
      target.path,
    ];
    args.push(
      '--no-cache-dir',
      '--disable-pip-version-check',
      '--no-input',
      '--retries',
      '0',
      '--timeout',
      '10',
      ...specs,
    );
    const result = await run(
      'python3',
      args,
      target.path,
      cleanEnv({ PIP_CONFIG_FILE: '/dev/null' }),
    );
    const installed = readdirSync(target.path)
      .filter((f) => f.endsWith('.dist-info'))
      .sort();
    target.remove();
    return { ...result, installed };
  };

  it('installs the newest allowed version, skipping too-new and vulnerable ones', async () => {
    const result = await pip('fixture-py-good', 'jinja2<3');

    expect(result.code).toBe(0);
    expect(result.installed).toEqual(['fixture_py_good-1.0.dist-info', 'jinja2-2.11.3.dist-info']);
  });

  it('refuses a typosquat with a 403 (pip reports no matching version, not the reason)', async () => {
    const result = await pip('reqeusts');

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'Could not find a version that satisfies the requirement reqeusts (from versions: none)',
    );
    const res = await fetch(`${proxy.url}/-/pypi/simple/reqeusts/`, {
      headers: { accept: JSON_TYPE },
    });
    expect(((await res.json()) as { error: string }).error).toBe(
      'Bulwark blocked reqeusts@1.0: typosquats: likely typosquat: the name is close to requests',
    );
  });

  it('refuses a file whose sha256 does not match', async () => {
    const result = await pip('fixture-py-tampered');
    const direct = await fetch(
      `${proxy.url}/-/pypi/files/fixture-py-tampered/fixture_py_tampered-1.0-py3-none-any.whl`,
    );

    expect(result.code).not.toBe(0);
    expect(direct.status).toBe(502);
    expect(((await direct.json()) as { error: string }).error).toMatch(
      /^Bulwark refused fixture_py_tampered-1.0-py3-none-any.whl: integrity mismatch/,
    );
  });

  it('applies the licence rule to a wheel from its core metadata', async () => {
    const result = await pip('fixture-py-gpl');
    const direct = await fetch(
      `${proxy.url}/-/pypi/files/fixture-py-gpl/fixture_py_gpl-1.0-py3-none-any.whl`,
    );
    const body = (await direct.json()) as Record<string, string>;

    expect(result.code).not.toBe(0);
    expect([direct.status, body.rule, body.error]).toEqual([
      403,
      'licenses',
      'Bulwark blocked fixture-py-gpl@1.0: licenses: licence GPL-3.0-only not allowed (GPL-3.0-only)',
    ]);
  });

  it('serves PEP 691 JSON and PEP 503 HTML by content negotiation, with yanked files marked', async () => {
    const json = await fetch(`${proxy.url}/-/pypi/simple/fixture-py-good/`, {
      headers: { accept: `${JSON_TYPE}, text/html;q=0.1` },
    });
    const html = await fetch(`${proxy.url}/-/pypi/simple/fixture-py-good/`, {
      headers: { accept: 'text/html' },
    });
    const doc = (await json.json()) as {
      versions: string[];
      files: Array<{ filename: string; url: string; yanked: unknown; 'core-metadata': unknown }>;
    };
    const text = await html.text();

    expect(json.headers.get('content-type')).toBe(JSON_TYPE);
    expect(doc.versions).toEqual(['1.0', '0.9']);
    expect(doc.files.map((f) => [f.filename, f.yanked])).toEqual([
      ['fixture_py_good-1.0-py3-none-any.whl', false],
      ['fixture_py_good-0.9-py3-none-any.whl', 'broken build'],
    ]);
    expect(doc.files[0].url).toBe(
      `${proxy.url}/-/pypi/files/fixture-py-good/fixture_py_good-1.0-py3-none-any.whl`,
    );
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text).toContain('data-yanked="broken build"');
    expect(text).toContain('data-core-metadata="sha256=');
    expect(text).not.toContain('fixture_py_good-1.1');
  });

  it('serves verified PEP 658 metadata files and redirects non-normalized names', async () => {
    const meta = await fetch(
      `${proxy.url}/-/pypi/files/fixture-py-good/fixture_py_good-1.0-py3-none-any.whl.metadata`,
    );
    const redirect = await fetch(`${proxy.url}/-/pypi/simple/Fixture_Py.Good/`, {
      redirect: 'manual',
    });
    const noSlash = await fetch(`${proxy.url}/-/pypi/simple/fixture-py-good`, {
      redirect: 'manual',
    });

    expect([meta.status, await meta.text()]).toEqual([
      200,
      'Metadata-Version: 2.1\nName: fixture-py-good\nVersion: 1.0\nLicense-Expression: MIT\n',
    ]);
    expect([redirect.status, redirect.headers.get('location')]).toEqual([
      301,
      `${proxy.url}/-/pypi/simple/fixture-py-good/`,
    ]);
    expect([noSlash.status, noSlash.headers.get('location')]).toEqual([
      301,
      `${proxy.url}/-/pypi/simple/fixture-py-good/`,
    ]);
  });

  it('logs PyPI decisions with the advisory', async () => {
    const res = await fetch(`${proxy.url}/-/bulwark/decisions?since=1h`);
    const rows = ((await res.json()) as { decisions: Array<Record<string, string>> }).decisions;
    const seen = new Set(
      rows.map(
        (r) =>
          `${r.ecosystem} ${r.decision} ${r.package}@${r.version} ${r.rule ?? '-'} ${r.advisory ?? '-'}`,
      ),
    );

    for (const expected of [
      'PyPI blocked jinja2@2.10 vulnerabilities PYSEC-2019-217',
      'PyPI blocked fixture-py-good@1.1 minimumAge -',
      'PyPI allowed jinja2@2.11.3 - -',
      'PyPI allowed fixture-py-good@1.0 - -',
      'PyPI blocked reqeusts@1.0 typosquats -',
      'PyPI blocked fixture-py-tampered@1.0 integrity -',
    ]) {
      expect(seen).toContain(expected);
    }
  });
});
