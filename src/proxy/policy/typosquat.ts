import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../../core/package-info.js';
import type { ProxyEcosystem } from './types.js';

/** Names shorter than this are never judged: too many short names are one edit apart. */
const MIN_LENGTH = 5;

/** A popular name a requested name imitates, and how. */
export interface TyposquatMatch {
  popular: string;
  how: 'edit-distance' | 'separators' | 'scope';
}

/** A popular-name list: data under rules/proxy/, shipped with the package. */
function dataFile(name: string): string {
  return join(PACKAGE_ROOT, 'rules', 'proxy', name);
}

const lists = new Map<ProxyEcosystem, ReadonlySet<string>>();

/** The popular-package list for an ecosystem, read once from its data file. */
export function popularNames(ecosystem: ProxyEcosystem): ReadonlySet<string> {
  let set = lists.get(ecosystem);
  if (!set) {
    const file = dataFile(ecosystem === 'npm' ? 'popular-npm.txt' : 'popular-pypi.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    set = new Set(lines.map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#')));
    lists.set(ecosystem, set);
  }
  return set;
}

/** PEP 503 name normalization: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prev2[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

function splitScope(name: string): { scope?: string; bare: string } {
  const match = /^@([^/]+)\/(.+)$/.exec(name);
  return match ? { scope: match[1], bare: match[2] } : { bare: name };
}

const stripSeparators = (name: string): string => name.replace(/[-_.]/g, '');

/** Whether `name` looks like an imitation of a popular package; undefined when it does not. */
export function findTyposquat(
  ecosystem: ProxyEcosystem,
  rawName: string,
  maxDistance: number,
): TyposquatMatch | undefined {
  const name = ecosystem === 'PyPI' ? normalizePypiName(rawName) : rawName.toLowerCase();
  const popular = popularNames(ecosystem);
  if (popular.has(name)) return undefined;
  const { scope, bare } = splitScope(name);

  for (const candidate of popular) {
    const other = splitScope(candidate);
    if (scope !== undefined && other.scope !== undefined) {
      if (bare === other.bare && scope !== other.scope && scopesLookAlike(scope, other.scope)) {
        return { popular: candidate, how: 'scope' };
      }
      continue;
    }
    if (scope !== undefined || other.scope !== undefined) continue;
    if (candidate.length < MIN_LENGTH) continue;
    if (stripSeparators(name) === stripSeparators(candidate)) {
      return { popular: candidate, how: 'separators' };
    }
    if (editDistance(name, candidate, maxDistance) <= maxDistance) {
      return { popular: candidate, how: 'edit-distance' };
    }
  }
  return undefined;
}

function scopesLookAlike(a: string, b: string): boolean {
  return stripSeparators(a) === stripSeparators(b) || editDistance(a, b, 2) <= 2;
}
