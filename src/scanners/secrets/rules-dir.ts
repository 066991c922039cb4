import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: this module sits at `<root>/src/scanners/secrets/` when run from source
 * and at `<root>/dist/scanners/secrets/` when built, three folders down either way.
 */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The folder of built-in secrets rules shipped with the package. */
export function defaultRulesDir(): string {
  return join(PACKAGE_ROOT, 'rules', 'secrets');
}
