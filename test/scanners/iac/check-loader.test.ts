import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../src/core/errors.js';
import { frameworkChecks } from '../../../src/scanners/iac/check-framework.js';
import { loadChecks, selectChecks } from '../../../src/scanners/iac/check-loader.js';
import { kubernetesFramework } from '../../../src/scanners/iac/kubernetes/index.js';

const VALID = `id: sample-check
title: A sample
severity: low
message: Something on {container}.
help: Why it matters.
fix: How to fix it.
references: [https://example.com/doc]
cwe: [CWE-250]
tags: [fast]
match: host-port
`;

/** Write one check file into a fresh rules folder and return the folder. */
function rulesWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-iac-rules-'));
  mkdirSync(join(dir, 'kubernetes'));
  writeFileSync(join(dir, 'kubernetes', name), text);
  return dir;
}

/** The message of the BulwarkError thrown by `run`. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BulwarkError) return error.describe();
    throw error;
  }
  return 'no error';
}

describe('check loading', () => {
  it('reads a valid check with its defaults', () => {
    const [check] = loadChecks('kubernetes', rulesWith('sample-check.yaml', VALID));
    expect(check).toMatchObject({ id: 'sample-check', severity: 'low', params: {} });
  });

  it.each([
    ['a bad severity', VALID.replace('severity: low', 'severity: urgent'), 'severity'],
    ['no fix', VALID.replace('fix: How to fix it.\n', ''), 'fix'],
    ['a bad CWE', VALID.replace('CWE-250', 'cwe250'), 'cwe.0'],
    [
      'both match and condition',
      `${VALID}condition: {scope: pod, path: x, op: equals, value: 1}\n`,
      'exactly one',
    ],
    ['an unknown key', `${VALID}sevrity: low\n`, 'sevrity'],
  ])('rejects %s, naming the file', (_name, text, words) => {
    const dir = rulesWith('sample-check.yaml', text);
    const message = failure(() => loadChecks('kubernetes', dir));
    expect(message).toContain(join(dir, 'kubernetes', 'sample-check.yaml'));
    expect(message).toContain(words);
  });

  it('rejects a check whose id differs from its file name', () => {
    const message = failure(() => loadChecks('kubernetes', rulesWith('other-name.yaml', VALID)));
    expect(message).toContain('does not match its file name');
  });

  it('rejects a check naming a matcher the framework lacks', () => {
    const dir = rulesWith('sample-check.yaml', VALID.replace('host-port', 'no-such-matcher'));
    const definition = {
      id: 'kubernetes' as const,
      wants: kubernetesFramework.wants,
      build: () => ({}),
      matchers: {},
    };
    expect(failure(() => frameworkChecks(definition, dir))).toContain(
      'unknown matcher: no-such-matcher',
    );
  });

  it('selects checks by tier tags', () => {
    const checks = loadChecks('kubernetes');
    const fast = selectChecks(checks, ['fast']).map((check) => check.id);
    expect(fast).not.toContain('missing-network-policy');
    expect(fast).toContain('privileged-container');
    expect(selectChecks(checks, undefined)).toHaveLength(checks.length);
  });
});

describe('the shipped check packs', () => {
  it.each([
    ['kubernetes', 29],
    ['dockerfile', 23],
    ['github-actions', 17],
    ['gitlab-ci', 7],
  ] as const)('%s has %i checks, each with a fix snippet and references', (id, count) => {
    const checks = loadChecks(id);
    expect(checks).toHaveLength(count);
    for (const check of checks) {
      expect(check.fix.split('\n').length, check.id).toBeGreaterThan(1);
      expect(check.references.length, check.id).toBeGreaterThan(0);
    }
  });
});
