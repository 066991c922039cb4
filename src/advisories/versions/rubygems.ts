import type { VersionOrder } from './order.js';

type Segment = number | string;

const VALID = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Split a gem version into segments the way RubyGems does: a `-` means `.pre.`, and every run
 * of digits or of letters is one segment (`1.0.0.rc1` is 1, 0, 0, "rc", 1).
 */
function segments(version: string): Segment[] {
  const text = version.trim().replace(/-/g, '.pre.');
  const parts = text.match(/[0-9]+|[a-zA-Z]+/g) ?? [];
  return parts.map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}

/**
 * Drop trailing zeros from the release part and from the prerelease part separately, so
 * that `1.0` equals `1` and `1.0.a` equals `1.a`.
 */
function canonical(version: string): Segment[] {
  const all = segments(version);
  const firstLetter = all.findIndex((s) => typeof s === 'string');
  const release = firstLetter === -1 ? all : all.slice(0, firstLetter);
  const pre = firstLetter === -1 ? [] : all.slice(firstLetter);
  return [...trimZeros(release), ...trimZeros(pre)];
}

function trimZeros(list: Segment[]): Segment[] {
  let end = list.length;
  while (end > 0 && list[end - 1] === 0) end--;
  return list.slice(0, end);
}

function compareSegment(left: Segment, right: Segment): number {
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  if (typeof left === 'string' && typeof right === 'string') {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  // A letter segment marks a prerelease, which sorts before any number at the same place.
  return typeof left === 'string' ? -1 : 1;
}

/** RubyGems (Gem::Version): numeric segments, and any segment with letters is a prerelease. */
export const rubygemsOrder: VersionOrder = {
  parse(version) {
    return VALID.test(version.trim()) ? version.trim() : undefined;
  },
  isPrerelease(version) {
    return /[a-zA-Z]/.test(version);
  },
  compare(a, b) {
    const left = canonical(a);
    const right = canonical(b);
    const length = Math.max(left.length, right.length);
    for (let i = 0; i < length; i++) {
      const order = compareSegment(left[i] ?? 0, right[i] ?? 0);
      if (order !== 0) return order;
    }
    return 0;
  },
};
