import { semverOrder } from './npm.js';
import type { VersionOrder } from './order.js';

/** crates.io versions are Semantic Versioning 2.0 (Cargo reference, "SemVer compatibility"). */
export const cargoOrder: VersionOrder = semverOrder;
