import { createRequire } from 'node:module';

/**
 * The package is a CommonJS bundle whose default export differs between loaders (Node, tsx,
 * vitest), so it is loaded with require, which gives the same exports everywhere.
 */
const load = createRequire(import.meta.url);
const { Cvss4P0 } = load('ae-cvss-calculator') as typeof import('ae-cvss-calculator');

/** The base metrics every v4.0 vector must carry (CVSS v4.0 specification, section 2). */
const BASE_METRICS = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];

/**
 * The CVSS v4.0 score of a vector such as `CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/...`, or
 * undefined when it is not a valid v4.0 vector. The official scoring (FIRST CVSS v4.0,
 * section 8: macrovector lookup table and severity distances) comes from the
 * ae-cvss-calculator package rather than a copy of the table here.
 */
export function cvss4Score(vector: string): number | undefined {
  const parts = vector.trim().split('/');
  if (parts[0] !== 'CVSS:4.0') return undefined;
  const present = new Set(parts.slice(1).map((p) => p.split(':')[0]));
  if (BASE_METRICS.some((metric) => !present.has(metric))) return undefined;
  try {
    const score = new Cvss4P0(vector.trim()).calculateScores().overall;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}
