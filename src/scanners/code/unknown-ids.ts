/** Edit distance between two strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known id closest to `id` when near enough to be the one meant; every full id of a short one. */
export function closest(id: string, known: readonly string[]): string | undefined {
  const short = known.filter((candidate) => candidate.endsWith(`/${id}`));
  if (short.length > 0) return short.join(' or ');
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 4)) + 1;
  for (const candidate of known) {
    const d = distance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Warnings for code rule ids in bulwark.yaml that no loaded rule has: `scanners.code.disable`
 * entries, and `severity` keys that start with `code/`. Each names the nearest real id.
 */
export function unknownRuleIdWarnings(
  disable: readonly string[],
  severity: Readonly<Record<string, unknown>>,
  known: readonly string[],
): string[] {
  const have = new Set(known);
  const named: Array<[string, string]> = [
    ...disable.map((id): [string, string] => ['scanners.code.disable', id]),
    ...Object.keys(severity)
      .filter((id) => id.startsWith('code/'))
      .map((id): [string, string] => ['severity', id]),
  ];
  return named
    .filter(([, id]) => !have.has(id))
    .map(([field, id]) => {
      const near = closest(id, known);
      const hint = near ? `; did you mean ${near}?` : '; `bulwark rules list` shows the ids';
      return `${field}: ${id} is not a code rule id, so the setting does nothing${hint}`;
    });
}
