import type { Ecosystem } from './model.js';

/**
 * The key a package name is indexed under. PyPI names are compared per PEP 503 (lower case,
 * runs of `-`, `_` and `.` are one `-`); npm, NuGet, Packagist and crates.io names are
 * case-insensitive in their registries (GHSA-8hc4-vh64-cxmj names the npm package "Axios");
 * Go module paths, RubyGems, Maven, Pub and Hex names are compared exactly.
 *
 * Go standard-library advisories (module `stdlib`) are matched only when a lockfile parser reports
 * a `stdlib` package; the `go` line of go.mod is not read as the toolchain version.
 */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case 'PyPI':
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'crates.io':
      return trimmed.toLowerCase().replace(/_/g, '-');
    case 'npm':
    case 'NuGet':
    case 'Packagist':
      return trimmed.toLowerCase();
    default:
      return trimmed;
  }
}
