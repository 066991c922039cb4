import { describe, expect, it } from 'vitest';

import { detectSecrets } from '../../../src/scanners/secrets/detect.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';
import { runtimeRule, type RuntimeRule } from '../../../src/scanners/secrets/rule-schema.js';
import { compileRuleSet } from '../../../src/scanners/secrets/ruleset.js';

const rules = loadSecretRules();
const all = compileRuleSet(rules);

/** A rule's positive example, read from its rule file. */
function example(id: string, index: number): string {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.examples.positive[index];
}

/** The matches as [ruleId, secret]. */
function found(text: string, ruleSet = all): Array<[string, string]> {
  return detectSecrets(text, ruleSet).map((m) => [m.ruleId, m.secret]);
}

/** A synthetic rule built from a loaded one, for ranking cases no rule file holds. */
function synthetic(id: string, pattern: string, tags: string[]): RuntimeRule {
  const base = runtimeRule(rules[0]);
  return {
    ...base,
    id,
    pattern,
    tags,
    keywords: ['zz-'],
    entropy: undefined,
    validator: undefined,
  };
}

const PSCALE = 'pscale_pw_RoNt-F9Yc7KazeYeKvzkhGFwI3-GvqAFjh9ZiJ9Y0_C';

describe('one finding per secret span', () => {
  it('reports a GCP service-account key once, as the provider rule', () => {
    const text = example('gcp-service-account-key', 1);
    const matches = found(text);
    expect(matches.map((m) => m[0])).toEqual(['gcp-service-account-key']);
    expect(matches[0][1].startsWith('-----BEGIN PRIVATE KEY-----\\n')).toBe(true);
  });

  it('reports a PlanetScale password in a MySQL URL once, as the provider rule', () => {
    const text = `DATABASE_URL=mysql://k3v8user:${PSCALE}@aws.connect.psdb.cloud/shop`;
    expect(found(text)).toEqual([['planetscale-password', PSCALE]]);
  });

  it('keeps a format rule when no provider rule matches the same text', () => {
    expect(found('DATABASE_URL=mysql://app:Zq81xLmR2wTy@db/shop')).toEqual([
      ['mysql-uri-password', 'Zq81xLmR2wTy'],
    ]);
  });

  it.each([
    [
      'two generic rules: the longer secret wins',
      [
        synthetic('generic-short', 'zz-(?<secret>[a-z0-9]{8})', ['generic']),
        synthetic('generic-long', 'zz-(?<secret>[a-z0-9]{12})', ['generic']),
      ],
      [['generic-long', 'q7w1e9r4t2y8']],
    ],
    [
      'two generic rules with the same span: the rule loaded first wins',
      [
        synthetic('generic-b', 'zz-(?<secret>[a-z0-9]{12})', ['generic']),
        synthetic('generic-a', 'zz-(?<secret>[a-z0-9]{12})', ['generic']),
      ],
      [['generic-b', 'q7w1e9r4t2y8']],
    ],
    [
      'a format rule and a context rule: the context rule wins over a longer format match',
      [
        synthetic('format-long', 'zz-(?<secret>[a-z0-9]{12})', ['format']),
        synthetic('context-short', 'zz-(?<secret>[a-z0-9]{10})', ['context']),
      ],
      [['context-short', 'q7w1e9r4t2']],
    ],
    [
      'a context rule and a provider rule: the provider rule wins',
      [
        synthetic('context-long', 'zz-(?<secret>[a-z0-9]{12})', ['context']),
        synthetic('provider-short', 'zz-(?<secret>[a-z0-9]{10})', ['fast']),
      ],
      [['provider-short', 'q7w1e9r4t2']],
    ],
  ] as const)('%s', (_name, ruleList, expected) => {
    const ruleSet = compileRuleSet([...ruleList]);
    expect(found('key = zz-q7w1e9r4t2y8', ruleSet)).toEqual(expected);
  });
});

describe('private key patterns', () => {
  const body = Array.from({ length: 6 }, (_, i) =>
    `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC${i}x7Yk2Lq9Vb3Nf8Rw1Zt5Hd`.slice(0, 64),
  ).join('\n');
  const key = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;

  it('does not join unterminated headers to a later key', () => {
    const header = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n`;
    const text = `${header.repeat(40)}${key}\n`;
    expect(found(text)).toEqual([['private-key-rsa', key]]);
  });

  it('finds no key among many unterminated headers of every kind', () => {
    const kinds = ['RSA ', 'EC ', 'DSA ', 'OPENSSH ', '', 'ENCRYPTED '];
    const headers = kinds.map((k) => `-----BEGIN ${k}PRIVATE KEY-----\n${body}\n`).join('');
    expect(found(headers.repeat(12))).toEqual([]);
  });

  it('finds two keys written one after the other', () => {
    expect(found(`${key}\n${key}\n`)).toEqual([
      ['private-key-rsa', key],
      ['private-key-rsa', key],
    ]);
  });
});
