import { fingerprint } from '../../src/core/fingerprint.js';
import type { Finding } from '../../src/core/finding.js';
import type { ScanContext, Scanner } from '../../src/core/scanner.js';

/**
 * A minimal scanner for pipeline tests: reports every line containing `MARKER-<word>` as
 * rule `code/test/marker`, so tests control findings through file content alone.
 */
export const markerScanner: Scanner = {
  id: 'code',
  description: 'reports MARKER-<word> lines',
  fast: true,
  wants: () => true,
  async *scan(context: ScanContext): AsyncIterable<Finding> {
    for (const file of context.files) {
      const text = await context.readText(file);
      if (text === undefined) continue;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const match = /MARKER-\w+/.exec(lines[i] ?? '');
        if (!match) continue;
        yield {
          ruleId: 'code/test/marker',
          scanner: 'code',
          severity: match[0].endsWith('LOW') ? 'low' : 'high',
          title: 'Test marker',
          message: `found ${match[0]}`,
          location: {
            path: file.path,
            startLine: i + 1,
            startColumn: match.index + 1,
            endLine: i + 1,
            endColumn: match.index + match[0].length + 1,
          },
          fingerprint: fingerprint('code/test/marker', file.path, match[0]),
          cwe: ['CWE-0'],
          references: ['https://example.com/marker'],
          fix: { text: 'remove the marker' },
        };
      }
    }
  },
};

/**
 * A second test scanner: reports line 1 of every file that lacks the word GUARD, the way a
 * missing-setting check points at a resource header that the change did not touch.
 */
export const guardScanner: Scanner = {
  id: 'iac',
  description: 'reports files without GUARD',
  fast: true,
  wants: () => true,
  async *scan(context: ScanContext): AsyncIterable<Finding> {
    for (const file of context.files) {
      const text = await context.readText(file);
      if (text === undefined || text.includes('GUARD')) continue;
      yield {
        ruleId: 'iac/test/guard',
        scanner: 'iac',
        severity: 'high',
        title: 'Missing guard',
        message: 'no GUARD',
        location: { path: file.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
        fingerprint: fingerprint('iac/test/guard', file.path, 'resource'),
        cwe: [],
        references: [],
      };
    }
  },
};
