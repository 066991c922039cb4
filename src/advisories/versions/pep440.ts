import { compare, explain, valid } from '@renovatebot/pep440';

import type { VersionOrder } from './order.js';

/** PEP 440: epochs, pre-, post- and dev-releases and local versions (`1!2.0.post1+ubuntu`). */
export const pep440Order: VersionOrder = {
  parse(version) {
    return valid(version.trim()) ?? undefined;
  },
  compare(a, b) {
    return compare(a.trim(), b.trim());
  },
  isPrerelease(version) {
    const parts = explain(version.trim());
    return parts !== null && (parts.is_prerelease || parts.is_devrelease);
  },
};
