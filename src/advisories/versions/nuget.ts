import type { VersionOrder } from './order.js';

interface NuGetVersion {
  numbers: number[];
  pre: string[];
}

const PATTERN = /^v?(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function read(version: string): NuGetVersion | undefined {
  const match = PATTERN.exec(version.trim());
  if (!match) return undefined;
  const numbers = match[1].split('.').map(Number);
  while (numbers.length < 4) numbers.push(0);
  return { numbers, pre: match[2] ? match[2].toLowerCase().split('.') : [] };
}

function comparePre(left: string[], right: string[]): number {
  if (left.length === 0 || right.length === 0) return right.length - left.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === undefined) return -1;
    if (right[i] === undefined) return 1;
    const ln = /^\d+$/.test(left[i]);
    const rn = /^\d+$/.test(right[i]);
    if (ln && rn && Number(left[i]) !== Number(right[i]))
      return Math.sign(Number(left[i]) - Number(right[i]));
    if (ln !== rn) return ln ? -1 : 1;
    if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1;
  }
  return 0;
}

/** NuGet: up to four numbers, case-insensitive SemVer 2.0 prerelease labels, metadata ignored. */
export const nugetOrder: VersionOrder = {
  parse(version) {
    return read(version) ? version.trim() : undefined;
  },
  isPrerelease(version) {
    return (read(version)?.pre.length ?? 0) > 0;
  },
  compare(a, b) {
    const left = read(a);
    const right = read(b);
    if (!left || !right) throw new Error(`not a NuGet version: ${left ? b : a}`);
    for (let i = 0; i < 4; i++) {
      if (left.numbers[i] !== right.numbers[i])
        return Math.sign(left.numbers[i] - right.numbers[i]);
    }
    return Math.sign(comparePre(left.pre, right.pre));
  },
};
