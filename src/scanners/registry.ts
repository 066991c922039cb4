import type { Scanner } from '../core/scanner.js';
import { codeScanner } from './code/index.js';
import { depsScanner } from './deps/index.js';
import { iacScanner } from './iac/index.js';
import { secretsScanner } from './secrets/index.js';

/** Every scanner Bulwark ships, in the order their findings are reported. */
export const SCANNERS: readonly Scanner[] = [secretsScanner, depsScanner, codeScanner, iacScanner];

/** Look up a scanner by id. */
export function findScanner(id: string): Scanner | undefined {
  return SCANNERS.find((scanner) => scanner.id === id);
}
