import type { ScanResult } from '../../src/core/pipeline.js';

/** A fixed scan result with the shapes reports must handle: a secret, a taint flow, a fix, history. */
export function sampleResult(): ScanResult {
  return {
    findings: [
      {
        ruleId: 'code/js/command-injection',
        scanner: 'code',
        severity: 'critical',
        title: 'Command injection',
        message: 'request data reaches child_process.exec',
        location: { path: 'src/app.js', startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
        fingerprint: '0123456789abcdef0123456789abcdef',
        cwe: ['CWE-78'],
        references: ['https://owasp.org/www-community/attacks/Command_Injection'],
        help: 'Shell commands built from request data let attackers run any command.',
        fix: {
          text: 'use execFile with an argument array',
          replacement: {
            location: {
              path: 'src/app.js',
              startLine: 12,
              startColumn: 3,
              endLine: 12,
              endColumn: 7,
            },
            content: 'execFile',
          },
        },
        flow: [
          {
            location: {
              path: 'src/app.js',
              startLine: 10,
              startColumn: 15,
              endLine: 10,
              endColumn: 28,
            },
            message: 'source: req.query.host',
          },
          {
            location: {
              path: 'src/app.js',
              startLine: 12,
              startColumn: 3,
              endLine: 12,
              endColumn: 30,
            },
            message: 'sink: exec',
          },
        ],
        snippet: {
          startLine: 11,
          lines: ['  const host = req.query.host;', '  exec(`ping ${host}`);', '});'],
        },
        tags: ['taint'],
      },
      {
        ruleId: 'secrets/github-pat',
        scanner: 'secrets',
        severity: 'high',
        title: 'GitHub personal access token',
        message: 'GitHub personal access token (classic) in source',
        location: {
          path: 'config/old.env',
          startLine: 3,
          startColumn: 14,
          endLine: 3,
          endColumn: 54,
          commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
          commitDate: '2026-01-02T03:04:05Z',
          author: 'Test Author <author@example.com>',
        },
        fingerprint: 'fedcba9876543210fedcba9876543210',
        cwe: ['CWE-798'],
        references: ['https://docs.github.com/en/authentication'],
        evidence: 'GITHUB_TOKEN=ghp_************',
        fix: { text: 'revoke the token and load it from the environment' },
        snippet: { startLine: 3, lines: ['GITHUB_TOKEN=ghp_************'] },
        tags: ['fast'],
      },
    ],
    suppressed: { inline: 1, baseline: 2, outsideChange: 0 },
    staleBaselineEntries: 1,
    filesScanned: 42,
    timings: [
      { scanner: 'secrets', ms: 12, findings: 1 },
      { scanner: 'code', ms: 30, findings: 1 },
    ],
    failOn: 'high',
    failing: 2,
    problems: [],
  };
}
