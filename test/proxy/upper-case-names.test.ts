import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startNpmUpstream, type NpmUpstream } from './helpers/npm-upstream.js';
import { startTestProxy } from './helpers/proxy.js';

type Proxy = Awaited<ReturnType<typeof startTestProxy>>;

describe('package names in upper case', () => {
  let upstream: NpmUpstream;
  let proxy: Proxy;

  beforeAll(async () => {
    upstream = await startNpmUpstream([{ name: 'JSONStream', version: '1.0.0', ageDays: 30 }]);
    proxy = await startTestProxy(upstream.url);
  });

  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it.each([
    ['/@TYPES/node', '@TYPES/node'],
    ['/@DEMO/x', '@DEMO/x'],
    ['/@Types%2fnode', '@Types/node'],
    ['/@DEMO/x/-/x-1.0.0.tgz', '@DEMO/x'],
    ['/-/package/@DEMO/x/dist-tags', '@DEMO/x'],
    ['/@types/NODE', '@types/NODE'],
    ['/@types/Node/-/Node-1.0.0.tgz', '@types/Node'],
  ])('refuses a scoped name in upper case: %s', async (path, name) => {
    const res = await fetch(`${proxy.url}${path}`);

    expect([res.status, await res.json()]).toEqual([
      400,
      { error: `invalid package name "${name}": npm package names are lower case` },
    ]);
  });

  it('still serves a legacy unscoped name with capitals', async () => {
    const res = await fetch(`${proxy.url}/JSONStream`);

    expect([res.status, ((await res.json()) as { name: string }).name]).toEqual([
      200,
      'JSONStream',
    ]);
    expect(upstream.requests).toEqual(['/JSONStream']);
  });
});
