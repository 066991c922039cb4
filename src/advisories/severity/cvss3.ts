/** Weights of the CVSS v3.1 base metrics (FIRST CVSS v3.1 specification, section 7.4). */
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

/** Privileges Required weighs more when the scope changes. */
const PR = { U: { N: 0.85, L: 0.62, H: 0.27 }, C: { N: 0.85, L: 0.68, H: 0.5 } } as const;

/** Round up to one decimal as CVSS v3.1 Appendix A defines it, immune to float error. */
export function roundUp(value: number): number {
  const scaled = Math.round(value * 100000);
  if (scaled % 10000 === 0) return scaled / 100000;
  return (Math.floor(scaled / 10000) + 1) / 10;
}

function metrics(vector: string): Map<string, string> | undefined {
  const parts = vector.trim().split('/');
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined;
  return new Map(parts.slice(1).map((p) => p.split(':') as [string, string]));
}

function pick<T extends Record<string, number>>(
  table: T,
  key: string | undefined,
): number | undefined {
  return key !== undefined && key in table ? table[key as keyof T] : undefined;
}

/**
 * The CVSS v3.x base score of a vector such as `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`,
 * or undefined when the vector is not a complete v3 base vector. v3.0 vectors are scored
 * with the v3.1 formula, whose only change is the rounding function.
 */
export function cvss3BaseScore(vector: string): number | undefined {
  const m = metrics(vector);
  if (!m) return undefined;
  const scope = m.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const av = pick(WEIGHTS.AV, m.get('AV'));
  const ac = pick(WEIGHTS.AC, m.get('AC'));
  const pr = pick(PR[scope], m.get('PR'));
  const ui = pick(WEIGHTS.UI, m.get('UI'));
  const c = pick(WEIGHTS.CIA, m.get('C'));
  const i = pick(WEIGHTS.CIA, m.get('I'));
  const a = pick(WEIGHTS.CIA, m.get('A'));
  const values = [av, ac, pr, ui, c, i, a];
  if (values.some((x) => x === undefined)) return undefined;
  const [AV, AC, PRW, UI, C, I, A] = values as number[];

  const iss = 1 - (1 - C) * (1 - I) * (1 - A);
  const impact =
    scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * AV * AC * PRW * UI;
  if (impact <= 0) return 0;
  const raw = scope === 'U' ? impact + exploitability : 1.08 * (impact + exploitability);
  return roundUp(Math.min(raw, 10));
}
