/** Severity levels shared by every scanner, ordered from most to least serious. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** One severity level. */
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity: critical is 4, info is 0, so larger means more serious. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** Narrow an arbitrary string to a Severity, or undefined when it is not one. */
export function parseSeverity(value: string): Severity | undefined {
  const lower = value.toLowerCase();
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : undefined;
}
