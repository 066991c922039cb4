import type { Finding } from '../../core/finding.js';
import type { HistoryContext, Scanner } from '../../core/scanner.js';
import { wantsPath } from './paths.js';
import { scanFiles } from './scan-files.js';

export { prestartFileThreads } from './scan-files.js';

/** The secrets scanner: provider tokens, private keys, connection URIs, high-entropy values. */
export const secretsScanner: Scanner = {
  id: 'secrets',
  description: 'Hard-coded credentials: provider tokens, private keys, passwords in URIs',
  fast: true,
  wants: wantsPath,
  scan: (context) => scanFiles(context),
  scanHistory,
};

/** The history scan, whose module (git log parsing, patch threads) loads only when it runs. */
async function* scanHistory(context: HistoryContext): AsyncIterable<Finding> {
  const history = await import('./history.js');
  yield* history.scanHistory(context);
}
