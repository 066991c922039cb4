import { openAdvisoryDb, type AdvisoryDb, type Vulnerability } from '../../advisories/index.js';
import type { AdvisorySource, Vulnerable } from './types.js';

/** The advisory database as the proxy's policy reads it. */
export function advisoryDbSource(db: AdvisoryDb): AdvisorySource {
  return {
    match: (ecosystem, name, version) => db.match(ecosystem, name, version).map(toVulnerable),
    records: (ecosystem, name) => db.advisoriesFor(ecosystem, name),
  };
}

/** Open the database built by `bulwark db import` at `path`. */
export function openAdvisorySource(path: string): { source: AdvisorySource; db: AdvisoryDb } {
  const db = openAdvisoryDb(path);
  return { source: advisoryDbSource(db), db };
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
