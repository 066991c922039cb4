import { describe, expect, it } from 'vitest';

import type { SecretMatch } from '../../../src/scanners/secrets/detect.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';
import { runtimeRule } from '../../../src/scanners/secrets/rule-schema.js';
import { compileRule } from '../../../src/scanners/secrets/ruleset.js';
import { toFinding } from '../../../src/scanners/secrets/to-finding.js';

const rules = loadSecretRules();
const SECRET = 'q7W1e9R4t2Y8u3I5o6P0a1S2d3F4g5H6';

function messageFor(id: string): string {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const match: SecretMatch = {
    ruleId: id,
    secret: SECRET,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 33,
    matchText: SECRET,
    start: 0,
    end: 32,
  };
  return toFinding(compileRule(runtimeRule(rule)), match, 'a.env', '').message;
}

describe('toFinding message', () => {
  it.each([
    ['github-pat', 'GitHub personal access token (classic): q7W1************'],
    ['npmrc-auth-token', 'npm registry auth token in .npmrc (legacy format): q7W1************'],
    ['private-key-rsa', 'RSA private key (PKCS#1 PEM) (Private keys): q7W1************'],
    ['jwt', 'JSON Web Token: q7W1************'],
  ])('%s', (id, expected) => {
    expect(messageFor(id)).toBe(expected);
  });
});
