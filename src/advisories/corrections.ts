import type { Ecosystem } from './model.js';

/** A deliberate fix to a known ecosystem mistake in published advisory data. */
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

/** A deliberate fix to an `introduced` event that contradicts the rest of its advisory. */
export interface IntroducedCorrection {
  advisory: string;
  package: string;
  from: string;
  to: string;
  reason: string;
}

/** Known range mistakes, applied at import and counted in the import report. */
export const INTRODUCED_CORRECTIONS: readonly IntroducedCorrection[] = [
  {
    advisory: 'GHSA-r683-j2x4-v87g',
    package: 'node-fetch',
    from: '1.0',
    to: '3.0.0',
    reason:
      'its second entry names 2.6.7 as the fix of the 2.x line, which a range from 1.0 to ' +
      '3.1.1 would contradict; the published advisory reads >= 3.0.0, < 3.1.1',
  },
];

/** The corrected `introduced` version of an event, or the event's own one. */
export function correctIntroduced(advisory: string, name: string, introduced: string): string {
  const hit = INTRODUCED_CORRECTIONS.find(
    (c) => c.advisory === advisory && c.package === name && c.from === introduced,
  );
  return hit ? hit.to : introduced;
}
