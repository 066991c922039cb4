/** What one import did: counts per ecosystem and every entry it set aside, with the reason. */
export interface ImportReport {
  files: number;
  advisories: number;
  perEcosystem: Record<string, number>;
  withdrawn: number;
  legacyConverted: number;
  corrected: number;
  gitRangesIgnored: number;
  /** Affected entries dropped because Bulwark cannot order that ecosystem's versions. */
  unsupportedEcosystems: Record<string, number>;
  /** One line each: `file: advisory: reason`. */
  warnings: string[];
}

/** An empty report to fill while importing. */
export function emptyReport(): ImportReport {
  return {
    files: 0,
    advisories: 0,
    perEcosystem: {},
    withdrawn: 0,
    legacyConverted: 0,
    corrected: 0,
    gitRangesIgnored: 0,
    unsupportedEcosystems: {},
    warnings: [],
  };
}

/** Add one to a counter in a record. */
export function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}
