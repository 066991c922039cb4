import { compare, valid } from '@renovatebot/pep440';

import type { VersionOrder } from './order.js';

/** PEP 440: epochs, pre-, post- and dev-releases and local versions (`1!2.0.post1+ubuntu`). */
export const pep440Order: VersionOrder = {
  parse(version) {
    return valid(version.trim()) ?? undefined;
  },
  compare(a, b) {
    return compare(a.trim(), b.trim());
  },
};
