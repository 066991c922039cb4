import { describe, expect, it } from 'vitest';

import { detectSecrets } from '../../../src/scanners/secrets/detect.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';
import { compileRuleSet } from '../../../src/scanners/secrets/ruleset.js';

// Every rule in rules/secrets/ runs on its own examples, with all rules loaded, as a user's
// scan would: a positive example must be reported by the rule, a negative one must not.
const rules = loadSecretRules();
const ruleSet = compileRuleSet(rules);

function reportedBy(text: string): string[] {
  return detectSecrets(text, ruleSet).map((match) => match.ruleId);
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('secrets rule %s', (_id, rule) => {
  it.each(rule.examples.positive.map((text, index) => [index + 1, text] as const))(
    'reports positive example %i',
    (_index, text) => {
      expect(reportedBy(text)).toContain(rule.id);
    },
  );

  it.each(rule.examples.negative.map((example, index) => [index + 1, example] as const))(
    'does not report negative example %i',
    (_index, example) => {
      expect(reportedBy(example.text), example.reason).not.toContain(rule.id);
    },
  );
});

describe('secrets rule files', () => {
  it('hold more than one provider and unique ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(rules.map((rule) => rule.provider)).size).toBeGreaterThan(1);
  });
});
