import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { createFsBlobStore } from '../../../src/proxy/store/fs-blob-store.js';
import { createSqliteMetadataStore } from '../../../src/proxy/store/sqlite-metadata-store.js';
import type { DecisionRecord } from '../../../src/proxy/store/types.js';
import { tempDir } from '../helpers/proxy.js';

const dirs: Array<{ remove: () => void }> = [];
const temp = (): string => {
  const dir = tempDir('store');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const row = (time: number, pkg: string, decision: DecisionRecord['decision']): DecisionRecord => ({
  time,
  client: '127.0.0.1 npm/11',
  ecosystem: 'npm',
  package: pkg,
  version: '1.0.0',
  decision,
});

describe('SQLite metadata store', () => {
  it('pins the first digest of a file and keeps learned facts across a reopen', async () => {
    const file = join(temp(), 'proxy.sqlite');
    const store = createSqliteMetadataStore(file);
    const pins = [
      await store.pinDigest('npm', 'a', 'a-1.0.0.tgz#sha512', 'sha512-first'),
      await store.pinDigest('npm', 'a', 'a-1.0.0.tgz#sha512', 'sha512-second'),
      await store.pinDigest('PyPI', 'a', 'a-1.0.0.tgz#sha512', 'sha512-other'),
    ];
    await store.putLearnedFacts({ ecosystem: 'npm', name: 'a', version: '1.0.0', facts: '{}' });
    await store.putLearnedFacts({
      ecosystem: 'npm',
      name: 'a',
      version: '1.0.0',
      facts: '{"installScripts":["binding.gyp"]}',
    });
    await store.close();

    const reopened = createSqliteMetadataStore(file);
    const after = await reopened.pinDigest('npm', 'a', 'a-1.0.0.tgz#sha512', 'sha512-third');
    const learned = await reopened.learnedFacts();
    await reopened.close();

    expect([pins, after]).toEqual([
      ['sha512-first', 'sha512-first', 'sha512-other'],
      'sha512-first',
    ]);
    expect(learned).toEqual([
      {
        ecosystem: 'npm',
        name: 'a',
        version: '1.0.0',
        facts: '{"installScripts":["binding.gyp"]}',
      },
    ]);
  });

  it('keeps documents with their ETag and survives a reopen', async () => {
    const file = join(temp(), 'proxy.sqlite');
    const store = createSqliteMetadataStore(file);
    await store.putMetadata('npm', 'lodash', {
      etag: '"a"',
      fetchedAt: 10,
      body: Buffer.from('{}'),
    });
    await store.touchMetadata('npm', 'lodash', 20);
    await store.close();

    const reopened = createSqliteMetadataStore(file);
    expect(await reopened.getMetadata('npm', 'lodash')).toEqual({
      etag: '"a"',
      fetchedAt: 20,
      body: Buffer.from('{}'),
    });
    expect(await reopened.getMetadata('PyPI', 'lodash')).toBeUndefined();
    await reopened.close();
  });

  it('writes queued decisions and filters them newest first', async () => {
    const store = createSqliteMetadataStore(join(temp(), 'proxy.sqlite'));
    store.recordDecision(row(1, 'a', 'allowed'));
    store.recordDecision({
      ...row(2, 'b', 'blocked'),
      rule: 'malicious',
      advisory: 'MAL-1',
      reason: 'malware',
    });
    store.recordDecision(row(3, 'a', 'warned'));

    const all = await store.decisions({});
    const since = await store.decisions({ since: 2 });
    const blocked = await store.decisions({ decision: 'blocked' });
    const forA = await store.decisions({ package: 'a', limit: 1 });

    expect(all.map((d) => d.time)).toEqual([3, 2, 1]);
    expect(since.map((d) => d.time)).toEqual([3, 2]);
    expect(blocked).toEqual([
      {
        ...row(2, 'b', 'blocked'),
        rule: 'malicious',
        advisory: 'MAL-1',
        reason: 'malware',
        count: 1,
      },
    ]);
    expect(forA.map((d) => d.decision)).toEqual(['warned']);
    await store.close();
  });
});

describe('SQLite decision log', () => {
  it('commits blocked rows in batches another connection can read, and folded allowed rows on close', async () => {
    const file = join(temp(), 'proxy.sqlite');
    const writer = createSqliteMetadataStore(file);
    for (let time = 1; time <= 600; time++) {
      writer.recordDecision(row(time, 'a', 'blocked'));
      writer.recordDecision(row(time, 'b', 'allowed'));
    }
    // A second connection, as `bulwark proxy log` opens while the proxy runs.
    const reader = createSqliteMetadataStore(file);
    const during = await reader.decisions({ limit: 10_000 });
    await writer.close();
    const after = await reader.decisions({ limit: 10_000 });
    await reader.close();

    expect([during.length, during[0].time, during[0].package]).toEqual([512, 512, 'a']);
    expect(after.length).toBe(601);
    expect(after.filter((r) => r.package === 'b')).toEqual([
      { ...row(1, 'b', 'allowed'), count: 600 },
    ]);
    expect(after.filter((r) => r.package === 'a').map((r) => [r.time, r.count])).toEqual(
      Array.from({ length: 600 }, (_, i) => [600 - i, 1]),
    );
  });

  it('folds identical allowed rows of one client for one second, and nothing else', async () => {
    const store = createSqliteMetadataStore(join(temp(), 'proxy.sqlite'));
    const waived = {
      rule: 'vulnerabilities' as const,
      advisory: 'GHSA-1',
      reason: 'waived until 2027-01-01: not reachable',
    };
    for (const time of [1000, 1500, 1999]) store.recordDecision(row(time, 'a', 'allowed'));
    store.recordDecision(row(2000, 'a', 'allowed'));
    store.recordDecision({ ...row(1200, 'a', 'allowed'), client: '10.0.0.2 pnpm/9' });
    store.recordDecision({ ...row(1300, 'a', 'allowed'), ...waived });
    store.recordDecision({ ...row(1400, 'a', 'allowed'), ...waived });
    store.recordDecision({ ...row(1600, 'a', 'allowed'), version: '2.0.0' });
    store.recordDecision(row(1700, 'a', 'warned'));
    store.recordDecision(row(1800, 'a', 'warned'));

    const rows = await store.decisions({});
    await store.close();

    expect(rows).toEqual([
      { ...row(2000, 'a', 'allowed'), count: 1 },
      { ...row(1800, 'a', 'warned'), count: 1 },
      { ...row(1700, 'a', 'warned'), count: 1 },
      { ...row(1600, 'a', 'allowed'), version: '2.0.0', count: 1 },
      { ...row(1300, 'a', 'allowed'), ...waived, count: 2 },
      { ...row(1200, 'a', 'allowed'), client: '10.0.0.2 pnpm/9', count: 1 },
      { ...row(1000, 'a', 'allowed'), count: 3 },
    ]);
  });

  it('opens a database made before rows had a count, and counts its old rows as one each', async () => {
    const dir = temp();
    const file = join(dir, 'proxy.sqlite');
    mkdirSync(dir, { recursive: true });
    const old = new Database(file);
    old.exec(`CREATE TABLE decisions (
      id INTEGER PRIMARY KEY, time INTEGER NOT NULL, client TEXT NOT NULL, ecosystem TEXT NOT NULL,
      package TEXT NOT NULL, version TEXT NOT NULL, decision TEXT NOT NULL, rule TEXT,
      advisory TEXT, reason TEXT);
      CREATE INDEX decisions_time ON decisions (time);`);
    old
      .prepare(
        `INSERT INTO decisions (time, client, ecosystem, package, version, decision)
         VALUES (1, '127.0.0.1 npm/11', 'npm', 'a', '1.0.0', 'allowed')`,
      )
      .run();
    old.close();

    const store = createSqliteMetadataStore(file);
    for (const time of [2, 3]) store.recordDecision(row(time, 'a', 'allowed'));
    await store.close();
    const reopened = createSqliteMetadataStore(file);
    const rows = await reopened.decisions({});
    await reopened.close();

    expect(rows).toEqual([
      { ...row(2, 'a', 'allowed'), count: 2 },
      { ...row(1, 'a', 'allowed'), count: 1 },
    ]);
  });
});

describe('filesystem blob store', () => {
  const key = `sha512-${'ab'.repeat(64)}`;

  it('stores by digest and leaves no temporary files', async () => {
    const root = temp();
    const blobs = createFsBlobStore(root);
    await blobs.put(key, Buffer.from('data'));

    expect(await blobs.get(key)).toEqual(Buffer.from('data'));
    expect(await blobs.get(`sha512-${'cd'.repeat(64)}`)).toBeUndefined();
    expect(readdirSync(join(root, 'sha512', 'ab'))).toEqual(['ab'.repeat(63)]);
  });

  it.each([
    '../../etc/passwd',
    'sha512-../../x',
    `md5-${'a'.repeat(32)}`,
    `sha512-${'A'.repeat(128)}`,
  ])('refuses the key %s', async (bad) => {
    const blobs = createFsBlobStore(temp());
    await expect(blobs.get(bad)).rejects.toThrow(`invalid blob key ${bad}`);
  });
});
