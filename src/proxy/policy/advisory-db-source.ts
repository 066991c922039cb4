import { statSync } from 'node:fs';

import { openAdvisoryDb, type AdvisoryDb, type Vulnerability } from '../../advisories/index.js';
import type { AdvisorySource, Vulnerable } from './types.js';

/** How often the advisory database file is checked for a new import. */
export interface ReloadOptions {
  now?: () => number;
  /** Minimum time between two checks of the file, in ms (default 2000). */
  checkEveryMs?: number;
}

/**
 * Open the database built by `bulwark db import` at `path` as the proxy's advisory source.
 * It is reopened when an import replaces the file: the file's inode, mtime and size are
 * checked at most once every `checkEveryMs`, when advisories are read.
 */
export function openAdvisorySource(
  path: string,
  options: ReloadOptions = {},
): { source: AdvisorySource; db: { close(): void } } {
  const now = options.now ?? Date.now;
  const checkEveryMs = options.checkEveryMs ?? 2000;
  let db = openAdvisoryDb(path);
  let identity = fileIdentity(path);
  let importedAt = db.status().importedAt;
  let generation = 0;
  let checkedAt = now();
  const current = (): AdvisoryDb => {
    if (now() - checkedAt < checkEveryMs) return db;
    checkedAt = now();
    const seen = fileIdentity(path);
    if (seen === undefined || seen === identity) return db;
    const next = openAdvisoryDb(path);
    db.close();
    db = next;
    identity = seen;
    importedAt = db.status().importedAt;
    generation++;
    return db;
  };
  return {
    source: {
      match: (ecosystem, name, version) =>
        current().match(ecosystem, name, version).map(toVulnerable),
      records: (ecosystem, name) => current().advisoriesFor(ecosystem, name),
      generation: () => {
        current();
        return generation;
      },
      importedAt: () => importedAt,
    },
    db: { close: () => db.close() },
  };
}

function fileIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

function toVulnerable(v: Vulnerability): Vulnerable {
  const out: Vulnerable = {
    id: v.id,
    aliases: v.ids,
    summary: v.summary,
    severity: v.severity.level,
    malicious: v.malicious,
    fixed: v.fixed,
    records: v.advisories,
  };
  if (v.severity.score !== undefined) out.score = v.severity.score;
  return out;
}
