import { describe, expect, it } from 'vitest';

import { compileRuleSet } from '../../../src/scanners/secrets/ruleset.js';
import { unknownSecretsIdWarnings } from '../../../src/scanners/secrets/unknown-ids.js';
import { loadRuntimeRules } from '../../../src/scanners/secrets/rule-cache.js';

describe('unknownSecretsIdWarnings', () => {
  it('names unknown ids with the nearest real one and asks for full ids in severity', () => {
    const warnings = unknownSecretsIdWarnings(
      ['secrets/stripe-secret-key', 'github-pat', 'github-pta'],
      {
        'github-pat': 'low',
        'secrets/nonexistent-rule-id': 'low',
        'code/js/eval-injection': 'low',
      },
      ['github-pat', 'stripe-secret-key'],
    );
    expect(warnings).toEqual([
      'severity: github-pat is not a full rule id, so the setting does nothing; write secrets/github-pat',
      'scanners.secrets.disabledRules: secrets/github-pta is not a secrets rule id, so the setting does nothing; did you mean secrets/github-pat?',
      'severity: secrets/nonexistent-rule-id is not a secrets rule id, so the setting does nothing; docs/rules-secrets.md lists the ids',
    ]);
  });
});

describe('disabledRules', () => {
  it('leaves out a rule named short or in full', () => {
    const rules = loadRuntimeRules();
    const all = compileRuleSet(rules).rules.length;
    const short = compileRuleSet(rules, { disabledRules: ['github-pat'] }).rules.length;
    const full = compileRuleSet(rules, { disabledRules: ['secrets/github-pat'] }).rules.length;
    expect([all - short, all - full]).toEqual([1, 1]);
  });
});
