import type { ScanResult } from '../core/pipeline.js';

/** Render a scan as JSON: every finding field, the suppression counts and the timings. */
export function renderJson(result: ScanResult, version: string): string {
  const findings = result.findings.map(({ snippet: _snippet, ...finding }) => finding);
  const body = {
    tool: { name: 'bulwark', version },
    summary: {
      findings: result.findings.length,
      failing: result.failing,
      failOn: result.failOn,
      filesScanned: result.filesScanned,
      suppressed: result.suppressed,
      staleBaselineEntries: result.staleBaselineEntries,
    },
    problems: result.problems,
    timings: result.timings,
    findings,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
