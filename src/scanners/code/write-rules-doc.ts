import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import { renderRulesMarkdown } from './catalogue.js';
import { BUILTIN_RULES_DIR, loadRulePack } from './rule-loader.js';
import { codeRuleSchema } from './rule-schema.js';

/** Where the generated catalogue is written, relative to the repository root. */
export const RULES_DOC = join('docs', 'rules.md');

/** The JSON Schema of rule files, for editors, written beside the built-in packs. */
export const RULE_SCHEMA_FILE = join(BUILTIN_RULES_DIR, 'rule.schema.json');

/** The generated docs/rules.md text for the built-in packs. */
export function builtinRulesMarkdown(): string {
  return renderRulesMarkdown(loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules);
}

/** The JSON Schema text of a rule file. */
export function ruleJsonSchema(): string {
  const schema = z.toJSONSchema(codeRuleSchema, { unrepresentable: 'any', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Bulwark code rule' }, null, 2)}\n`;
}

/** Write docs/rules.md and rules/code/rule.schema.json under `root`. */
export function writeRulesDocs(root: string): void {
  writeFileSync(resolve(root, RULES_DOC), builtinRulesMarkdown());
  writeFileSync(RULE_SCHEMA_FILE, ruleJsonSchema());
}

if (process.argv[1] && /write-rules-doc\.[jt]s$/.test(process.argv[1])) {
  writeRulesDocs(process.cwd());
}
