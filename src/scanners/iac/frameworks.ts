import type { Framework } from './framework.js';

/** Every infrastructure framework the iac scanner runs. */
export const FRAMEWORKS: readonly Framework[] = [];
