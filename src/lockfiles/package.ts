/** OSV ecosystem names. */
export type Ecosystem =
  | 'npm'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'RubyGems'
  | 'Packagist'
  | 'Maven'
  | 'NuGet'
  | 'Pub'
  | 'Hex';

/** One locked third-party package. */
export interface Package {
  ecosystem: Ecosystem;
  /**
   * Real package name: `npm:` aliases, pnpm catalogs and yarn patches are resolved. PyPI names
   * are kept as written in the lockfile; matching normalises them.
   */
  name: string;
  /** Exact version (Go: as in go.mod, e.g. v1.2.3 or a pseudo-version; PyPI: as pinned). */
  version: string;
  /** Declared by the project (its root or a workspace member). */
  direct: boolean;
  /** Only needed for development. */
  dev: boolean;
  /**
   * Dependency paths from the project: each lists `name@version` from a direct dependency down
   * to this package (a direct package has [[`name@version`]]); at most a few shortest paths;
   * [] when the format records no dependency graph and the package is not direct.
   */
  paths: string[][];
  /** 1-based line in the lockfile where this package is declared. */
  line: number;
  /** Path of the lockfile as given to the parser. */
  lockfile: string;
}

/** A dependency whose version the lockfile does not pin (requirements.txt ranges, for example). */
export interface UnpinnedDependency {
  name: string;
  spec: string;
  line: number;
}

/**
 * A part of a lockfile that could not be read while the rest was: the packages it would have
 * added are not checked. `file` is the lockfile or a file it includes (a `-r` include).
 */
export interface LockfileProblem {
  file: string;
  line: number;
  message: string;
  hint: string;
}

/** Result of parsing one lockfile. */
export interface LockfileResult {
  lockfile: string;
  format: string;
  packages: Package[];
  unpinned: UnpinnedDependency[];
  /** Parts that could not be read; absent or empty when the whole file was read. */
  problems?: LockfileProblem[];
}

/** Reads a file beside the lockfile by relative path; undefined when it is absent. */
export type ReadSibling = (relativePath: string) => string | undefined;
