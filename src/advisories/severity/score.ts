import { parseSeverity, severityRank, type Severity } from '../../core/severity.js';
import type { Advisory } from '../model.js';
import { cvss3BaseScore } from './cvss3.js';
import { cvss4Score } from './cvss4.js';

/** Where a severity came from. */
export type SeveritySource = 'cvss-v4' | 'cvss-v3' | 'rating' | 'malicious' | 'unknown';

/** An advisory's severity: a level (undefined when nothing rates it), a score when known. */
export interface SeverityScore {
  level?: Severity;
  /** CVSS base score, 0.0 to 10.0. */
  score?: number;
  /** The vector the score comes from. */
  vector?: string;
  source: SeveritySource;
}

/** The qualitative level of a CVSS score (CVSS v3.1 specification, section 5). */
export function levelOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** The advisory's own rating word (GHSA uses MODERATE for medium). */
function levelOfRating(rating: string | undefined): Severity | undefined {
  if (!rating) return undefined;
  return rating === 'moderate' ? 'medium' : parseSeverity(rating);
}

/**
 * Rate an advisory: malicious packages are critical; otherwise the CVSS score of its vectors,
 * v4.0 or v3.x, the higher when it carries both (GHSA-cm22-4g7w-348p scores 2.3 in v4.0 and
 * 5.0 in v3.1, and GitHub rates it moderate); otherwise its own rating
 * (GHSA `database_specific.severity`).
 *
 * CVSS v2 vectors are not scored; such advisories take their own rating, or `unknownSeverity`.
 */
export function scoreAdvisory(advisory: Advisory): SeverityScore {
  const known = scores.get(advisory);
  if (known) return known;
  const score = rate(advisory);
  scores.set(advisory, score);
  return score;
}

/** Scores already worked out, per advisory object (a database handle keeps its advisories). */
const scores = new WeakMap<Advisory, SeverityScore>();

function rate(advisory: Advisory): SeverityScore {
  const scored = cvssOf(advisory);
  if (advisory.malicious) return { level: 'critical', ...scored, source: 'malicious' };
  if (scored) return { level: levelOfScore(scored.score), ...scored };
  const level = levelOfRating(advisory.rating);
  return level ? { level, source: 'rating' } : { source: 'unknown' };
}

interface Scored {
  score: number;
  vector: string;
  source: 'cvss-v4' | 'cvss-v3';
}

function cvssOf(advisory: Advisory): Scored | undefined {
  const scored: Scored[] = [];
  for (const { type, vector } of advisory.vectors) {
    const v4 = type === 'CVSS_V4' ? cvss4Score(vector) : undefined;
    const v3 = type === 'CVSS_V3' ? cvss3BaseScore(vector) : undefined;
    if (v4 !== undefined) scored.push({ score: v4, vector, source: 'cvss-v4' });
    if (v3 !== undefined) scored.push({ score: v3, vector, source: 'cvss-v3' });
  }
  return scored.sort((a, b) => b.score - a.score)[0];
}

/** The more serious of two scores: higher level first, then higher CVSS score. */
export function maxScore(a: SeverityScore, b: SeverityScore): SeverityScore {
  const rank = (s: SeverityScore): number => (s.level ? severityRank(s.level) : -1);
  if (rank(a) !== rank(b)) return rank(a) > rank(b) ? a : b;
  return (b.score ?? -1) > (a.score ?? -1) ? b : a;
}
