/** How one ecosystem orders its versions. */
export interface VersionOrder {
  /** The canonical form of a version, or undefined when the ecosystem cannot order it. */
  parse(version: string): string | undefined;
  /** Negative when a < b, zero when equal, positive when a > b; both must parse. */
  compare(a: string, b: string): number;
  /** True for a version published ahead of its release (alpha, beta, rc, dev...). */
  isPrerelease(version: string): boolean;
}
