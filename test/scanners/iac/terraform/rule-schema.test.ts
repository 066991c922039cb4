import { describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../../src/core/errors.js';
import { loadRules, parseRule } from '../../../../src/scanners/iac/terraform/rule-loader.js';

const VALID = `id: aws-example
title: Example
severity: low
resources: [aws_s3_bucket]
check:
  path: acl
  equals: private
message: '{address} example'
help: why
fix: how
references: [https://example.com/doc]
cwe: [CWE-284]
`;

function failure(text: string, file = '/rules/aws/aws-example.yaml'): BulwarkError {
  try {
    parseRule(text, file);
  } catch (error) {
    return error as BulwarkError;
  }
  throw new Error('expected the rule to be rejected');
}

describe('parseRule', () => {
  it('accepts a valid check and fills the default tag', () => {
    expect(parseRule(VALID, '/rules/aws/aws-example.yaml').tags).toEqual(['fast']);
  });

  const invalid: [string, string, string, number | undefined][] = [
    ['an unknown severity', VALID.replace('severity: low', 'severity: urgent'), 'severity', 3],
    [
      'two operators in one test',
      VALID.replace('  equals: private', '  equals: private\n  exists: true'),
      'check',
      6,
    ],
    [
      'an unknown condition key',
      VALID.replace('  path: acl\n  equals: private', '  whatever: 1'),
      'check',
      6,
    ],
    ['a CWE that is not one', VALID.replace('CWE-284', '284'), 'cwe.0', 12],
  ];
  it.each(invalid)('rejects %s, naming the field and line', (_, text, field, line) => {
    const error = failure(text);
    expect(error.kind).toBe('config');
    expect(error.message.startsWith(field)).toBe(true);
    expect(error.where?.line).toBe(line);
  });

  it('rejects a check whose id differs from its file name', () => {
    expect(failure(VALID, '/rules/aws/aws-other.yaml').message).toContain(
      'differs from the file name',
    );
  });
});

describe('the built-in pack', () => {
  const rules = loadRules();
  const count = (provider: string) =>
    rules.filter((rule) => rule.id.startsWith(`${provider}-`)).length;

  it('has at least 30 AWS, 10 GCP and 10 Azure checks with unique ids', () => {
    expect(count('aws')).toBeGreaterThanOrEqual(30);
    expect(count('gcp')).toBeGreaterThanOrEqual(10);
    expect(count('azure')).toBeGreaterThanOrEqual(10);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });

  it('gives every check a fix with a Terraform snippet and a message naming the resource', () => {
    const weak = rules.filter(
      (rule) => !/^\s+[a-z_]+\s+=\s+\S/m.test(rule.fix) || !rule.message.includes('{address}'),
    );
    expect(weak.map((rule) => rule.id)).toEqual([]);
  });
});
