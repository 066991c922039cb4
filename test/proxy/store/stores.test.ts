import { readdirSync } from 'node:fs';
import { join } from 'node:path';

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
      { ...row(2, 'b', 'blocked'), rule: 'malicious', advisory: 'MAL-1', reason: 'malware' },
    ]);
    expect(forA.map((d) => d.decision)).toEqual(['warned']);
    await store.close();
  });
});

describe('SQLite decision log', () => {
  it('commits decisions in batches another connection can read, and the rest on close', async () => {
    const file = join(temp(), 'proxy.sqlite');
    const writer = createSqliteMetadataStore(file);
    for (let time = 1; time <= 600; time++) writer.recordDecision(row(time, 'a', 'allowed'));
    // A second connection, as `bulwark proxy log` opens while the proxy runs.
    const reader = createSqliteMetadataStore(file);
    const during = await reader.decisions({ limit: 10_000 });
    await writer.close();
    const after = await reader.decisions({ limit: 10_000 });
    await reader.close();

    expect([during.length, during[0].time]).toEqual([512, 512]);
    expect([after.length, after[0].time, after[599].time]).toEqual([600, 600, 1]);
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
