import { parseSeverity, severityRank, type Severity } from '../../core/severity.js';
import type { Advisory } from '../model.js';
import { cvss3BaseScore } from './cvss3.js';

/** Where a severity came from. */
export type SeveritySource = 'cvss-v3' | 'rating' | 'malicious' | 'unknown';

/** An advisory's severity: a level (undefined when nothing rates it), a score when known. */
export interface SeverityScore {
  level?: Severity;
  /** CVSS base score, 0.0 to 10.0. */
  score?: number;
  /** The vector the score comes from, or a CVSS v4.0 vector kept for display. */
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
 * Rate an advisory: malicious packages are critical; otherwise the CVSS v3.x base score of
 * its vector; otherwise its own rating. CVSS v4.0 vectors are not scored (the official
 * scoring needs the macrovector lookup table, which Bulwark does not ship yet), so an
 * advisory with only a v4.0 vector takes its own rating and keeps the vector for display.
 */
export function scoreAdvisory(advisory: Advisory): SeverityScore {
  const v3 = advisory.vectors.find((v) => v.type === 'CVSS_V3');
  const v4 = advisory.vectors.find((v) => v.type === 'CVSS_V4');
  const score = v3 ? cvss3BaseScore(v3.vector) : undefined;
  if (advisory.malicious)
    return { level: 'critical', score, vector: v3?.vector, source: 'malicious' };
  if (v3 && score !== undefined) {
    return { level: levelOfScore(score), score, vector: v3.vector, source: 'cvss-v3' };
  }
  const level = levelOfRating(advisory.rating);
  if (level) return { level, vector: v4?.vector, source: 'rating' };
  return { vector: v4?.vector, source: 'unknown' };
}

/** The more serious of two scores: higher level first, then higher CVSS score. */
export function maxScore(a: SeverityScore, b: SeverityScore): SeverityScore {
  const rank = (s: SeverityScore): number => (s.level ? severityRank(s.level) : -1);
  if (rank(a) !== rank(b)) return rank(a) > rank(b) ? a : b;
  return (b.score ?? -1) > (a.score ?? -1) ? b : a;
}
