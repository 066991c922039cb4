import { describe, expect, it } from 'vitest';

import { ProxyMetrics } from '../../src/proxy/metrics.js';

describe('proxy metrics', () => {
  it('counts requests by route and status and cache lookups by kind and result', () => {
    const metrics = new ProxyMetrics();
    const requests: Array<[string, number]> = [
      ['npm-tarball', 200],
      ['npm-packument', 200],
      ['npm-tarball', 200],
      ['npm-tarball', 403],
    ];
    for (const [route, status] of requests) metrics.request(route, status);
    metrics.cacheLookup('tarball', true);
    metrics.cacheLookup('tarball', true);
    metrics.cacheLookup('packument', false);

    const lines = metrics.render().split('\n');
    const counters = lines.filter(
      (l) =>
        l.startsWith('bulwark_proxy_requests_total{') ||
        l.startsWith('bulwark_proxy_cache_lookups_total{'),
    );
    expect(counters).toEqual([
      'bulwark_proxy_requests_total{route="npm-tarball",status="200"} 2',
      'bulwark_proxy_requests_total{route="npm-tarball",status="403"} 1',
      'bulwark_proxy_requests_total{route="npm-packument",status="200"} 1',
      'bulwark_proxy_cache_lookups_total{kind="tarball",result="hit"} 2',
      'bulwark_proxy_cache_lookups_total{kind="packument",result="miss"} 1',
    ]);
  });
});
