import type { Logger } from '../../core/logger.js';
import type { Vulnerability } from '../../advisories/index.js';
import type { DepsIgnore } from './config.js';

/** Applies the `ignore` list of the deps settings and remembers which entries were used. */
export interface IgnoreList {
  /** The vulnerabilities that no active ignore entry names. */
  filter(vulnerabilities: Vulnerability[]): Vulnerability[];
  /** Warn about entries that matched nothing in this scan. */
  reportUnused(logger: Logger): void;
}

/**
 * Build the ignore list for a scan. An entry whose `expires` date has passed no longer applies,
 * and one warning says so, so that an accepted risk is looked at again.
 */
export function ignoreList(entries: DepsIgnore[], logger: Logger, today: string): IgnoreList {
  const active = entries.filter((entry) => {
    if (entry.expires === undefined || entry.expires >= today) return true;
    logger.warn(`ignore of ${entry.id} expired on ${entry.expires}; it no longer applies`, {
      rule: `deps/${entry.id}`,
    });
    return false;
  });
  const used = new Set<DepsIgnore>();

  return {
    filter(vulnerabilities) {
      return vulnerabilities.filter((vulnerability) => {
        // Ids compare case-insensitively (`ghsa-…` is GHSA-…); `ids` holds every alias.
        const ids = new Set(vulnerability.ids.map((id) => id.toUpperCase()));
        const hit = active.find((entry) => ids.has(entry.id.toUpperCase()));
        if (hit) used.add(hit);
        return hit === undefined;
      });
    },
    reportUnused(log) {
      for (const entry of active) {
        if (!used.has(entry)) {
          log.warn(`ignore of ${entry.id} matched no dependency; remove it from bulwark.yaml`, {
            rule: `deps/${entry.id}`,
          });
        }
      }
    },
  };
}
