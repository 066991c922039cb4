import type { Finding, ScannerId } from './finding.js';
import type { HistoryContext, ScanContext, Scanner } from './scanner.js';

/** Wall time and finding count of one scanner in one run. */
export interface ScannerTiming {
  scanner: ScannerId;
  ms: number;
  findings: number;
}

/** What one scanner produced in a run. */
export interface ScannerOutcome {
  findings: Finding[];
  timing: ScannerTiming;
}

/**
 * Run scanners concurrently, each over the files it wants, and for a history range also over
 * past commits. `context` is shared; each scanner gets its own file list.
 */
export function runScanners(
  scanners: readonly Scanner[],
  context: ScanContext,
  options: { tree: boolean; history?: string },
): Promise<ScannerOutcome[]> {
  return Promise.all(
    scanners.map(async (scanner) => {
      const started = performance.now();
      const findings: Finding[] = [];
      const wanted = context.files.filter(
        (f) => scanner.wants(f.path) && (!f.oversized || scanner.ignoresSizeLimit === true),
      );
      const own: ScanContext = { ...context, files: wanted };
      if (options.tree) for await (const finding of scanner.scan(own)) findings.push(finding);
      if (options.history && scanner.scanHistory) {
        const history: HistoryContext = { ...own, range: options.history };
        for await (const finding of scanner.scanHistory(history)) findings.push(finding);
      }
      const ms = Math.round(performance.now() - started);
      return { findings, timing: { scanner: scanner.id, ms, findings: findings.length } };
    }),
  );
}
