import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadRuntimeRules, ruleCacheFile } from '../../../src/scanners/secrets/rule-cache.js';

const RULE = (id: string): string => `provider: Acme
rules:
  - id: ${id}
    title: Acme key
    severity: high
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{8}'
    references: [https://acme.example/keys]
    fix: Revoke it.
    examples:
      positive: ['acme_a1b2c3d4']
      negative:
        - text: 'acme_'
          reason: too short
`;

describe('loadRuntimeRules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rule-cache-'));
  const cache = join(dir, 'cache', 'rules.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses the files once, then reads the cache until a file changes', () => {
    writeFileSync(join(dir, 'acme.yaml'), RULE('acme-key'));
    const first = loadRuntimeRules(dir, cache);
    expect(first.map((r) => [r.id, 'examples' in r, r.anchored])).toEqual([
      ['acme-key', false, true],
    ]);

    const stored = JSON.parse(readFileSync(cache, 'utf8')) as { stamp: string; rules: unknown[] };
    writeFileSync(cache, JSON.stringify({ stamp: stored.stamp, rules: [{ id: 'from-cache' }] }));
    expect(loadRuntimeRules(dir, cache).map((r) => r.id)).toEqual(['from-cache']);

    writeFileSync(join(dir, 'acme.yaml'), RULE('acme-token'));
    expect(loadRuntimeRules(dir, cache).map((r) => r.id)).toEqual(['acme-token']);
  });

  it('names one cache file per rules folder under XDG_CACHE_HOME', () => {
    const file = ruleCacheFile('/opt/rules', { XDG_CACHE_HOME: '/var/cache' });
    expect(file).toMatch(/^\/var\/cache\/bulwark\/secrets-rules-[0-9a-f]{16}\.json$/);
    expect(ruleCacheFile('/opt/other', { XDG_CACHE_HOME: '/var/cache' })).not.toBe(file);
  });
});
