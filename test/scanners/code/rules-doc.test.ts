import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  builtinRulesMarkdown,
  ruleJsonSchema,
  RULE_SCHEMA_FILE,
  RULES_DOC,
} from '../../../src/scanners/code/write-rules-doc.js';
import { repoRoot } from '../../helpers/shared.js';

describe('generated rule documents', () => {
  it('docs/rules.md matches the rule files (run npm run docs:rules after changing a rule)', () => {
    expect(readFileSync(join(repoRoot, RULES_DOC), 'utf8')).toBe(builtinRulesMarkdown());
  });

  it('rules/code/rule.schema.json matches the rule schema', () => {
    expect(readFileSync(RULE_SCHEMA_FILE, 'utf8')).toBe(ruleJsonSchema());
  });
});
