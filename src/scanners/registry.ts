import type { Scanner } from '../core/scanner.js';
import type { ScannerEntry } from '../core/pipeline.js';

/**
 * Every scanner Bulwark ships, in the order their findings are reported. Each entry is a
 * cheap description; its module (rules, parsers, HTTP client, native bindings) is imported
 * only when the scanner is chosen to run, so `--scanners secrets` loads the secrets scanner
 * alone. `fast` and `history` must agree with the loaded scanner (test/scanners/registry).
 */
export const SCANNERS: readonly ScannerEntry[] = [
  {
    id: 'secrets',
    fast: true,
    history: true,
    load: async (hint) => {
      const secrets = await import('./secrets/index.js');
      // A whole-tree scan is worth threads: start them while the files are listed.
      if (hint?.wholeTree) await secrets.prestartFileThreads(hint.config, hint.tags);
      return secrets.secretsScanner;
    },
  },
  {
    id: 'deps',
    fast: true,
    history: false,
    load: async () => (await import('./deps/index.js')).depsScanner,
  },
  {
    id: 'code',
    fast: true,
    history: false,
    load: async () => (await import('./code/index.js')).codeScanner,
  },
  {
    id: 'iac',
    fast: true,
    history: false,
    load: async () => (await import('./iac/index.js')).iacScanner,
  },
];

/** Look up a scanner by id, loading its module. */
export async function findScanner(id: string): Promise<Scanner | undefined> {
  return SCANNERS.find((entry) => entry.id === id)?.load();
}
