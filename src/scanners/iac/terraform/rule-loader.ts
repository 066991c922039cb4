import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

import { configError } from '../../../core/errors.js';
import { ruleSchema, type Rule } from './rule-schema.js';

/** rules/iac/terraform at the package root; this file sits four folders below it in src and dist. */
export const RULES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'rules',
  'iac',
  'terraform',
);

/** The providers that have a folder of checks. */
export const PROVIDERS = ['aws', 'gcp', 'azure'] as const;

let cache: Rule[] | undefined;

/** Every built-in Terraform check, validated, sorted by id. */
export function loadRules(dir: string = RULES_DIR): Rule[] {
  if (dir === RULES_DIR && cache) return cache;
  const rules: Rule[] = [];
  for (const provider of PROVIDERS) {
    const folder = join(dir, provider);
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.yaml'))
      .sort()) {
      rules.push(parseRule(readFileSync(join(folder, name), 'utf8'), join(folder, name)));
    }
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  if (dir === RULES_DIR) cache = rules;
  return rules;
}

/** Parse and validate one check file; errors name the file, the line and the field. */
export function parseRule(text: string, file: string): Rule {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors[0]) {
    const line = lines.linePos(doc.errors[0].pos[0]).line;
    throw configError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, { file, line });
  }
  const result = ruleSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const node = doc.getIn(issue.path as (string | number)[], true) as
      { range?: [number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    const field = issue.path.join('.') || '(top level)';
    throw configError(`${field}: ${issue.message}`, { file, line }, 'see docs/iac-terraform.md');
  }
  if (result.data.id !== basename(file, '.yaml')) {
    throw configError(`id ${result.data.id} differs from the file name`, { file, line: 1 });
  }
  return result.data;
}
