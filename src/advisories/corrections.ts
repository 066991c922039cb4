import type { Ecosystem } from './model.js';

/** A deliberate fix to a known mistake in published advisory data. */
export interface Correction {
  advisory: string;
  package: string;
  from: string;
  to: Ecosystem;
  reason: string;
}

/** Known ecosystem mistakes, applied at import and counted in the import report. */
export const CORRECTIONS: readonly Correction[] = [
  {
    advisory: 'GHSA-j8xg-fqg3-53r7',
    package: 'word-wrap',
    from: 'GitHub Actions',
    to: 'npm',
    reason: 'word-wrap is an npm package; GitHub Actions names are owner/repository paths',
  },
];

/** The corrected ecosystem of a package entry, or the entry's own one. */
export function correctEcosystem(advisory: string, name: string, ecosystem: string): string {
  const hit = CORRECTIONS.find(
    (c) => c.advisory === advisory && c.package === name && c.from === ecosystem,
  );
  return hit ? hit.to : ecosystem;
}
