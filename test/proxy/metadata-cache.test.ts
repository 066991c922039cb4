import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MetadataCache } from '../../src/proxy/metadata-cache.js';
import { createSqliteMetadataStore } from '../../src/proxy/store/sqlite-metadata-store.js';
import { createUpstreamClient, type UpstreamClient } from '../../src/proxy/upstream.js';
import type { MetadataStore } from '../../src/proxy/store/types.js';
import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { tempDir } from './helpers/proxy.js';

describe('MetadataCache revalidation', () => {
  let upstream: NpmUpstream;
  let client: UpstreamClient;
  let store: MetadataStore;
  const dir = tempDir('metadata-cache');
  let clock = 0;
  let builds = 0;

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'fixture-good', version: '1.0.0', ageDays: 30 }]);
    client = createUpstreamClient(2000, 'bulwark-test');
    store = createSqliteMetadataStore(join(dir.path, 'proxy.sqlite'));
  });

  afterAll(async () => {
    await client.close();
    await store.close();
    await upstream.close();
    dir.remove();
  });

  it('serves fresh entries from memory, refreshes recently expired ones in the background, and waits for older ones', async () => {
    const errors: string[] = [];
    const cache = new MetadataCache<number>({
      ecosystem: 'npm',
      store,
      upstream: client,
      ttlMs: 1000,
      retryMs: 500,
      accept: 'application/json',
      urlFor: (name) => `${upstream.url}/${name}`,
      build: () => ++builds,
      sizeOf: () => 1,
      maxBytes: 1024,
      now: () => clock,
      generation: () => 0,
      onBackgroundError: (name) => errors.push(name),
    });
    const step = async (at: number): Promise<[string | undefined, number | undefined, number]> => {
      clock = at;
      const lookup = await cache.get('fixture-good', 'test');
      await cache.settled();
      return [lookup?.source, lookup?.view, upstream.notModified];
    };

    expect(await step(0)).toEqual(['upstream', 1, 0]);
    expect(await step(500)).toEqual(['memory', 1, 0]);
    expect(await step(1500)).toEqual(['memory', 1, 1]);
    expect(await step(1600)).toEqual(['memory', 2, 1]);
    expect(await step(4000)).toEqual(['upstream', 3, 2]);
    expect(errors).toEqual([]);
  });

  it('peeks at a view only while it is in memory, fresh and judged by the current policy inputs', async () => {
    let generation = 0;
    const cache = new MetadataCache<string>({
      ecosystem: 'npm',
      store,
      upstream: client,
      ttlMs: 1000,
      retryMs: 500,
      accept: 'application/json',
      urlFor: (name) => `${upstream.url}/${name}`,
      build: () => 'view',
      sizeOf: () => 1,
      maxBytes: 1024,
      now: () => clock,
      generation: () => generation,
      onBackgroundError: () => undefined,
    });
    clock = 10_000;
    const peeks = [cache.peek('fixture-good')?.view];
    await cache.get('fixture-good', 'test');
    peeks.push(cache.peek('fixture-good')?.source, cache.peek('missing')?.view);
    clock = 11_000;
    peeks.push(cache.peek('fixture-good')?.view);
    clock = 10_500;
    generation = 1;
    peeks.push(cache.peek('fixture-good')?.view);
    await cache.settled();

    expect(peeks).toEqual([undefined, 'memory', undefined, undefined, undefined]);
  });
});
