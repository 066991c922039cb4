import { describe, expect, it } from 'vitest';
import { ELIDED, MAX_PATH_STEPS } from '../../src/lockfiles/dependency-graph.js';
import { parseText } from './parse-file.js';

/** A package-lock v3 where the root depends on p0, p0 on p1, and so on down to p(depth - 1). */
function chainLock(depth: number): string {
  const packages: Record<string, unknown> = { '': { name: 'app', dependencies: { p0: '1.0.0' } } };
  for (let i = 0; i < depth; i++) {
    const next = i + 1 < depth ? { [`p${i + 1}`]: '1.0.0' } : undefined;
    packages[`node_modules/p${i}`] = { version: '1.0.0', dependencies: next };
  }
  return JSON.stringify({ lockfileVersion: 3, packages });
}

/** A package-lock v3 whose root depends directly on `count` packages. */
function wideLock(count: number): string {
  const names = Array.from({ length: count }, (_, i) => `w${i}`);
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: Object.fromEntries(names.map((n) => [n, '1.0.0'])) },
  };
  for (const name of names) packages[`node_modules/${name}`] = { version: '1.0.0' };
  return JSON.stringify({ lockfileVersion: 3, packages });
}

/** Labels p(from)@1.0.0 ... p(to)@1.0.0. */
function steps(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}@1.0.0`);
}

describe('large lockfiles', () => {
  it('reads a 50,000-deep chain with one path per package, long paths losing their middle', () => {
    const result = parseText('package-lock.json', chainLock(50_000));
    const byName = new Map(result.packages.map((p) => [p.name, p]));

    expect(MAX_PATH_STEPS).toBe(64);
    expect(result.packages).toHaveLength(50_000);
    expect(result.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['p0']);
    expect(result.packages.every((p) => p.paths.length === 1)).toBe(true);
    expect(byName.get('p63')?.paths).toEqual([steps(0, 63)]);
    expect(byName.get('p64')?.paths).toEqual([['p0@1.0.0', ELIDED, ...steps(3, 64)]]);
    expect(byName.get('p49999')?.paths).toEqual([['p0@1.0.0', ELIDED, ...steps(49_938, 49_999)]]);
    expect(byName.get('p49999')?.line).toBe(1);
  });

  it('reads a root with 150,000 direct dependencies without overflowing the stack', () => {
    const result = parseText('package-lock.json', wideLock(150_000));

    expect(result.packages).toHaveLength(150_000);
    expect(result.packages.filter((p) => p.direct)).toHaveLength(150_000);
    expect(result.packages[149_999].paths).toEqual([['w149999@1.0.0']]);
  });
});
