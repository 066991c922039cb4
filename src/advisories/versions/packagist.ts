import type { VersionOrder } from './order.js';

/** Composer stabilities from least to most stable; `patch` (`-p1`, `-pl1`) follows a release. */
const STABILITY = ['dev', 'alpha', 'beta', 'rc', 'stable', 'patch'] as const;

const ALIASES: Record<string, (typeof STABILITY)[number]> = {
  dev: 'dev',
  a: 'alpha',
  alpha: 'alpha',
  b: 'beta',
  beta: 'beta',
  rc: 'rc',
  stable: 'stable',
  p: 'patch',
  pl: 'patch',
  patch: 'patch',
};

interface Normalized {
  numbers: number[];
  stability: number;
  suffix: number;
}

const PATTERN =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:[._-]?(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*))?(?:[.-]?(dev))?$/i;

/**
 * Normalise a version as Composer's version parser does: strip `v`, pad to four numbers,
 * name the stability (`1.0.0-RC1` is 1.0.0.0, rc, 1). Branch names such as `dev-main` have no
 * order and are rejected.
 */
function normalize(version: string): Normalized | undefined {
  const match = PATTERN.exec(version.trim());
  if (!match) return undefined;
  const numbers = [1, 2, 3, 4].map((i) => Number(match[i] ?? '0'));
  const named = match[5] ? ALIASES[match[5].toLowerCase()] : undefined;
  const stabilityName = match[7] ? 'dev' : (named ?? 'stable');
  const suffix = Number((match[6] ?? '').replace(/[^0-9]/g, '') || '0');
  return { numbers, stability: STABILITY.indexOf(stabilityName), suffix };
}

/** Packagist (Composer): four numeric parts, then dev < alpha < beta < RC < stable < patch. */
export const packagistOrder: VersionOrder = {
  parse(version) {
    const n = normalize(version);
    return n ? `${n.numbers.join('.')}-${STABILITY[n.stability]}${n.suffix}` : undefined;
  },
  isPrerelease(version) {
    const n = normalize(version);
    return n !== undefined && n.stability < STABILITY.indexOf('stable');
  },
  compare(a, b) {
    const left = normalize(a);
    const right = normalize(b);
    if (!left || !right) throw new Error(`not a Composer version: ${left ? b : a}`);
    for (let i = 0; i < 4; i++) {
      if (left.numbers[i] !== right.numbers[i])
        return Math.sign(left.numbers[i] - right.numbers[i]);
    }
    if (left.stability !== right.stability) return Math.sign(left.stability - right.stability);
    return Math.sign(left.suffix - right.suffix);
  },
};
