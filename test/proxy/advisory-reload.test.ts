import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importAdvisories, readSource } from '../../src/advisories/index.js';
import { openAdvisorySource } from '../../src/proxy/policy/advisory-db-source.js';
import { shared } from '../helpers/shared.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy, tempDir } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('advisory database updates while the proxy runs', () => {
  const dir = tempDir('advisory-reload');
  const dbPath = join(dir.path, 'advisories.db');
  const load = (folder: string, date: string): void => {
    importAdvisories({
      dbPath,
      files: readSource(shared('advisories', folder)),
      source: folder,
      now: () => new Date(date),
    });
  };
  let upstream: NpmUpstream;
  let proxy: Proxy;
  let db: { close(): void };

  beforeAll(async () => {
    load('npm-malicious', '2026-11-01T00:00:00.000Z');
    const opened = openAdvisorySource(dbPath, { checkEveryMs: 0 });
    db = opened.db;
    upstream = await startNpmUpstream([
      { name: 'lodash', version: '4.17.15', ageDays: 2000 },
      { name: 'lodash', version: '4.17.21', ageDays: 1500 },
    ]);
    proxy = await startTestProxy(upstream.url, {}, { advisories: opened.source });
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
    db.close();
    dir.remove();
  });

  it('judges cached packuments again after an import and reports the import date', async () => {
    const state = async (): Promise<[string[], unknown, number]> => {
      const doc = (await (await fetch(`${proxy.url}/lodash`)).json()) as {
        versions: Record<string, unknown>;
      };
      const health = (await (await fetch(`${proxy.url}/-/bulwark/health`)).json()) as {
        advisoryDbImportedAt: unknown;
      };
      const tarball = await fetch(`${proxy.url}/lodash/-/lodash-4.17.15.tgz`);
      return [Object.keys(doc.versions), health.advisoryDbImportedAt, tarball.status];
    };

    expect(await state()).toEqual([['4.17.15', '4.17.21'], '2026-11-01T00:00:00.000Z', 200]);
    load('npm-ghsa', '2026-12-01T00:00:00.000Z');
    expect(await state()).toEqual([['4.17.21'], '2026-12-01T00:00:00.000Z', 403]);
  });
});
