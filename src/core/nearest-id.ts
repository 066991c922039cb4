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
