import type { Finding } from '../../core/finding.js';

/**
 * Where a finding sits in the log, newest commit first: the slice of history (one per git
 * process), the piece of that slice's output, and the finding's index in the piece.
 */
export type LogPosition = readonly [slice: number, piece: number, index: number];

interface Sighting {
  finding: Finding;
  position: LogPosition;
}

function compare(a: LogPosition, b: LogPosition): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether sighting `a` comes before `b` in the order of introduction: an older commit first
 * (later in a newest-first log), and within one commit, the first in the log. A commit's
 * output is one contiguous stretch of the log, so comparing positions orders commits the
 * way git listed them, whatever their dates. git's default order shows children before
 * their parents except where commit dates run backwards across branches; there a parent may
 * come first, and a secret added in both is taken from the child.
 */
function introducedBefore(a: Sighting, b: Sighting): boolean {
  const order = compare(a.position, b.position);
  return a.finding.location.commit === b.finding.location.commit ? order < 0 : order > 0;
}

/**
 * Keeps, for each secret, its sighting in the oldest commit of a newest-first log. Sightings
 * may arrive in any order; memory grows with the number of distinct secrets, not with the
 * history.
 */
export class OldestSightings {
  private readonly best = new Map<string, Sighting>();

  /** Record a finding of the secret `key` at `position`. */
  add(key: string, finding: Finding, position: LogPosition): void {
    const sighting = { finding, position };
    const known = this.best.get(key);
    if (!known || introducedBefore(sighting, known)) this.best.set(key, sighting);
  }

  /** One finding per secret, oldest introduction first; none for a secret `except` holds. */
  findings(except?: OldestSightings): Finding[] {
    const kept = except ? [...this.best].filter(([key]) => !except.best.has(key)) : [...this.best];
    return kept
      .map(([, sighting]) => sighting)
      .sort((a, b) => (introducedBefore(a, b) ? -1 : introducedBefore(b, a) ? 1 : 0))
      .map((s) => s.finding);
  }
}
