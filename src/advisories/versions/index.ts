import type { Ecosystem } from '../model.js';
import { cargoOrder } from './cargo.js';
import { goOrder } from './go.js';
import { mavenOrder } from './maven.js';
import { npmOrder, semverOrder } from './npm.js';
import { nugetOrder } from './nuget.js';
import type { VersionOrder } from './order.js';
import { packagistOrder } from './packagist.js';
import { pep440Order } from './pep440.js';
import { rubygemsOrder } from './rubygems.js';

export type { VersionOrder } from './order.js';

const ORDERS: Record<Ecosystem, VersionOrder> = {
  npm: npmOrder,
  PyPI: pep440Order,
  Go: goOrder,
  'crates.io': cargoOrder,
  RubyGems: rubygemsOrder,
  Packagist: packagistOrder,
  Maven: mavenOrder,
  NuGet: nugetOrder,
  // Pub and Hex publish Semantic Versioning 2.0 versions.
  Pub: semverOrder,
  Hex: semverOrder,
};

/** The version order of an ecosystem, used by ECOSYSTEM ranges. */
export function versionOrder(ecosystem: Ecosystem): VersionOrder {
  return ORDERS[ecosystem];
}

/**
 * The order used by SEMVER ranges. OSV defines them as Semantic Versioning 2.0 whatever the
 * ecosystem, without a `v` prefix; Go's order strips that prefix, so Go uses it here too.
 */
export function semverRangeOrder(ecosystem: Ecosystem): VersionOrder {
  return ecosystem === 'Go' ? goOrder : semverOrder;
}
