import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/core/finding.js';
import { maskTokens } from '../../src/core/redact.js';
import { holdsSecret, maskSecrets, secretValues } from '../../src/core/secret-masking.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'code/js/x',
    scanner: 'code',
    severity: 'high',
    title: 't',
    message: 'm',
    location: { path: 'a.js', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    fingerprint: 'f',
    cwe: ['CWE-78'],
    references: [],
    ...overrides,
  };
}

const FILES: Record<string, string[]> = {
  'a.js': ['const key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";', 'run("x")'],
  Dockerfile: ['FROM node:20', 'ARG NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789'],
  'key.pem': [
    '-----BEGIN PRIVATE KEY-----',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    '-----END PRIVATE KEY-----',
  ],
};
const read = (path: string): string[] | undefined => FILES[path];

describe('secretValues', () => {
  it('reads each secrets finding at its location, and a literal-secret finding at its evidence', () => {
    const values = secretValues(
      [
        finding({
          scanner: 'secrets',
          location: { path: 'a.js', startLine: 1, startColumn: 14, endLine: 1, endColumn: 46 },
        }),
        finding({
          scanner: 'iac',
          cwe: ['CWE-798'],
          evidence: 'NPM_TOKEN=npm_************',
          location: { path: 'Dockerfile', startLine: 2, startColumn: 1, endLine: 2, endColumn: 55 },
        }),
        finding({
          scanner: 'secrets',
          location: { path: 'key.pem', startLine: 1, startColumn: 1, endLine: 3, endColumn: 26 },
        }),
        finding({
          scanner: 'code',
          location: { path: 'a.js', startLine: 2, startColumn: 1, endLine: 2, endColumn: 9 },
        }),
        finding({
          scanner: 'secrets',
          location: {
            path: 'gone.env',
            startLine: 1,
            startColumn: 1,
            endLine: 1,
            endColumn: 30,
            commit: 'abc',
          },
        }),
      ],
      read,
    );
    expect(values).toEqual([
      'npm_abcdefghijklmnopqrstuvwxyz0123456789',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      '-----BEGIN PRIVATE KEY-----',
      '-----END PRIVATE KEY-----',
    ]);
  });
});

describe('maskSecrets', () => {
  it('masks a known secret in the message, evidence, frame, flow, fix and properties', () => {
    const secret = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const masked = maskSecrets(
      finding({
        message: `exec("curl -u ${secret}")`,
        evidence: `curl -u ${secret}`,
        snippet: { startLine: 1, lines: [`const key = "${secret}";`, 'run("x")'] },
        flow: [{ location: finding({}).location, message: `reaches ${secret}` }],
        fix: { text: `remove ${secret}` },
        properties: { address: `stage0/RUN ${secret}`, list: [secret, 3] },
      }),
      [secret],
    );
    const shown = 'sk_l************';
    expect(masked.message).toBe(`exec("curl -u ${shown}")`);
    expect(masked.evidence).toBe(`curl -u ${shown}`);
    expect(masked.snippet?.lines).toEqual([`const key = "${shown}";`, 'run("x")']);
    expect(masked.flow?.[0]?.message).toBe(`reaches ${shown}`);
    expect(masked.fix?.text).toBe(`remove ${shown}`);
    expect(masked.properties).toEqual({ address: `stage0/RUN ${shown}`, list: [shown, 3] });
  });

  it('tells literal-secret findings by their weakness', () => {
    expect(holdsSecret(finding({ cwe: ['CWE-798'] }))).toBe(true);
    expect(holdsSecret(finding({ cwe: ['CWE-78'] }))).toBe(false);
  });
});

describe('maskTokens', () => {
  it.each([
    [
      'Unrecognized key: "sk_live_4eC39HqLyjWDarjtT1zdp7dc"',
      'Unrecognized key: "sk_l************"',
    ],
    [
      'unknown git ref: 3f786850e387550fdab836ed7e6dc881de23001b',
      'unknown git ref: 3f786850e387550fdab836ed7e6dc881de23001b',
    ],
    [
      'see docs/configuration.md for scanners_secrets_allowlist',
      'see docs/configuration.md for scanners_secrets_allowlist',
    ],
    ['short ab12', 'short ab12'],
    [
      'no proxy decision log at /tmp/bulwark-proxy-relative-SD16wK/store',
      'no proxy decision log at /tmp/bulwark-proxy-relative-SD16wK/store',
    ],
    ['token xoxb-123456789012-1234567890123-Ab1cD2eF3gH4iJ5kL6mN7oP8', 'token xoxb************'],
    ['key AKIAIOSFODNN7EXAMPLE', 'key AKIA************'],
  ])('%s', (text, expected) => {
    expect(maskTokens(text)).toBe(expected);
  });
});
