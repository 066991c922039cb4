import { createRequire } from 'node:module';
import type ignoreFactory from 'ignore';

/** A set of gitignore-style rules (the `ignore` library's matcher). */
export type IgnoreRules = ReturnType<typeof ignoreFactory>;

const require = createRequire(import.meta.url);

/**
 * A new, empty set of gitignore-style rules. The `ignore` library is loaded on first use,
 * since most scans have no ignore file or pattern at all.
 */
export function ignoreRules(): IgnoreRules {
  return (require('ignore') as typeof ignoreFactory)();
}
