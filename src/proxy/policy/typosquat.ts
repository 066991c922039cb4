import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../../core/package-info.js';
import type { ProxyEcosystem } from './types.js';

/** Names shorter than this are never judged: too many genuine short names are one edit apart. */
const MIN_LENGTH = 5;

/**
 * Names shorter than this (and at least MIN_LENGTH) are judged strictly: only a swap of two
 * adjacent letters or a doubled or dropped repeated letter counts, the slips typosquatters
 * copy (`loadsh`, `mongose`), because one substituted or added letter in a short name is
 * usually another genuine package (`color`, `jsdoc`, `tslint`).
 */
const STRICT_BELOW = 8;

/** A popular name a requested name imitates, and how. */
export interface TyposquatMatch {
  popular: string;
  how: 'edit-distance' | 'separators' | 'scope';
}

/** A name list under rules/proxy/, shipped with the package. */
function dataFile(name: string): string {
  return join(PACKAGE_ROOT, 'rules', 'proxy', name);
}

/** The names in a list file: one per line, `#` starts a comment (the reason a name is there). */
function readNames(file: string, ecosystem: ProxyEcosystem): ReadonlySet<string> {
  const names = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0);
  return new Set(names.map((n) => normalizeName(ecosystem, n)));
}

const lists = new Map<string, ReadonlySet<string>>();

function cachedList(
  ecosystem: ProxyEcosystem,
  kind: 'popular' | 'legitimate',
): ReadonlySet<string> {
  const key = `${kind}-${ecosystem === 'npm' ? 'npm' : 'pypi'}`;
  let set = lists.get(key);
  if (!set) {
    set = readNames(dataFile(`${key}.txt`), ecosystem);
    lists.set(key, set);
  }
  return set;
}

/** The popular-package list for an ecosystem, read once from its data file. */
export function popularNames(ecosystem: ProxyEcosystem): ReadonlySet<string> {
  return cachedList(ecosystem, 'popular');
}

/** Genuine packages whose names resemble a popular one, never judged typosquats. */
export function legitimateNames(ecosystem: ProxyEcosystem): ReadonlySet<string> {
  return cachedList(ecosystem, 'legitimate');
}

/** PEP 503 name normalization: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function normalizeName(ecosystem: ProxyEcosystem, name: string): string {
  return ecosystem === 'PyPI' ? normalizePypiName(name) : name.toLowerCase();
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

/**
 * True when `a` and `b` differ by one typing slip: two adjacent letters swapped, or one letter
 * of a doubled pair dropped or added (`lodash`/`loadsh`, `mongoose`/`mongose`).
 */
export function typingSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return (
      i + 1 < a.length &&
      a[i] === b[i + 1] &&
      a[i + 1] === b[i] &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    const repeated = long[i] === long[i - 1] || long[i] === long[i + 1];
    if (repeated && long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

function splitScope(name: string): { scope?: string; bare: string } {
  const match = /^@([^/]+)\/(.+)$/.exec(name);
  return match ? { scope: match[1], bare: match[2] } : { bare: name };
}

const stripSeparators = (name: string): string => name.replace(/[-_.]/g, '');

/**
 * Whether `name` looks like an imitation of a popular package; undefined when it does not.
 * A popular or known-genuine name never does; names under five characters are not judged;
 * names under eight are judged only for typing slips; longer ones within `maxDistance` edits.
 * Squats that add an affix (`jquery.js`) or change one letter of a short name are not recognised.
 */
export function findTyposquat(
  ecosystem: ProxyEcosystem,
  rawName: string,
  maxDistance: number,
): TyposquatMatch | undefined {
  const name = normalizeName(ecosystem, rawName);
  const popular = popularNames(ecosystem);
  if (popular.has(name) || legitimateNames(ecosystem).has(name)) return undefined;
  const { scope, bare } = splitScope(name);
  if (scope !== undefined) return lookAlikeScope(scope, bare, popular);
  if (bare.length < MIN_LENGTH) return undefined;

  for (const candidate of popular) {
    if (candidate.startsWith('@') || candidate.length < MIN_LENGTH) continue;
    if (stripSeparators(name) === stripSeparators(candidate)) {
      return { popular: candidate, how: 'separators' };
    }
    const close =
      name.length < STRICT_BELOW
        ? typingSlip(name, candidate)
        : editDistance(name, candidate, maxDistance) <= maxDistance;
    if (close) return { popular: candidate, how: 'edit-distance' };
  }
  return undefined;
}

/** A popular scoped name published again under a scope that looks like the popular one. */
function lookAlikeScope(
  scope: string,
  bare: string,
  popular: ReadonlySet<string>,
): TyposquatMatch | undefined {
  for (const candidate of popular) {
    const other = splitScope(candidate);
    if (other.scope === undefined || other.bare !== bare || other.scope === scope) continue;
    if (stripSeparators(scope) === stripSeparators(other.scope)) {
      return { popular: candidate, how: 'scope' };
    }
    if (editDistance(scope, other.scope, 2) <= 2) return { popular: candidate, how: 'scope' };
  }
  return undefined;
}
