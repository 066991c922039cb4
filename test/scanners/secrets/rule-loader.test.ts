import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../src/core/errors.js';
import {
  defaultRulesDir,
  loadSecretRules,
  parseRuleFile,
} from '../../../src/scanners/secrets/rule-loader.js';

const RULE = `provider: Acme
rules:
  - id: acme-key
    title: Acme key
    severity: high
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{8}'
    references: [https://acme.example/keys]
    fix: Revoke it.
    examples:
      positive: ['acme_a1b2c3d4']
      negative:
        - text: 'acme_'
          reason: too short
`;

function describeError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BulwarkError) return `${error.kind} ${error.describe()}`;
    throw error;
  }
  return 'no error';
}

describe('parseRuleFile', () => {
  it('fills defaults and records the provider and line', () => {
    const [rule] = parseRuleFile('acme.yaml', RULE);
    expect(rule).toMatchObject({
      id: 'acme-key',
      provider: 'Acme',
      cwe: ['CWE-798'],
      tags: [],
      source: { file: 'acme.yaml', line: 3 },
    });
  });

  it.each([
    [
      'a bad regular expression',
      RULE.replace("'acme_[a-z0-9]{8}'", "'acme_[a-z'"),
      /^config acme\.yaml:7: invalid secrets rule in rule "acme-key" at rules\.0\.pattern: not a valid regular expression/,
    ],
    [
      'an unknown validator',
      RULE.replace('    fix:', '    validator: acme-crc\n    fix:'),
      /^config acme\.yaml:9: invalid secrets rule in rule "acme-key" at rules\.0\.validator/,
    ],
    [
      'a missing negative example',
      RULE.replace(/ {6}negative:[\s\S]*$/, '      negative: []\n'),
      /^config acme\.yaml:12: invalid secrets rule in rule "acme-key" at rules\.0\.examples\.negative: at least one negative example/,
    ],
    [
      'an unknown field',
      RULE.replace('    fix:', '    allowPlaceholders: false\n    fix:'),
      /^config acme\.yaml:3: invalid secrets rule in rule "acme-key" at rules\.0: Unrecognized key/,
    ],
    ['broken YAML', 'provider: [', /^config acme\.yaml:1: invalid YAML/],
  ])('reports %s with file, line and rule id', (_name, text, expected) => {
    expect(describeError(() => parseRuleFile('acme.yaml', text))).toMatch(expected);
  });
});

describe('loadSecretRules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects an id used in two files, naming both places', () => {
    writeFileSync(join(dir, 'a.yaml'), RULE);
    writeFileSync(join(dir, 'b.yaml'), RULE);
    expect(describeError(() => loadSecretRules(dir))).toBe(
      `config ${join(dir, 'b.yaml')}:3: secrets rule id "acme-key" is already used at ${join(dir, 'a.yaml')}:3\n  hint: give each rule a unique id`,
    );
  });

  it('finds the package rules folder from the source tree', () => {
    expect(defaultRulesDir()).toMatch(/rules[/\\]secrets$/);
    expect(loadSecretRules().length).toBeGreaterThanOrEqual(29);
  });
});
