import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LineCounter, parse, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

import { configError } from '../../core/errors.js';
import { defaultRulesDir } from './rules-dir.js';
import { secretRuleFileSchema, type SecretRule } from './rule-schema.js';

export { defaultRulesDir } from './rules-dir.js';

/** Load and validate every `*.yaml` rule file in `dir`; rule ids must be unique. */
export function loadSecretRules(dir: string = defaultRulesDir()): SecretRule[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const rules: SecretRule[] = [];
  const seen = new Map<string, SecretRule>();

  for (const name of files) {
    for (const rule of parseRuleFile(join(dir, name), readFileSync(join(dir, name), 'utf8'))) {
      const earlier = seen.get(rule.id);
      if (earlier) {
        throw configError(
          `secrets rule id "${rule.id}" is already used at ${earlier.source.file}:${earlier.source.line}`,
          rule.source,
          'give each rule a unique id',
        );
      }
      seen.set(rule.id, rule);
      rules.push(rule);
    }
  }
  return rules;
}

/**
 * Parse one rule file's text; errors name the file, the line and the rule id. The plain YAML
 * parser is several times faster than building a document with positions, so positions are
 * worked out only when the file is invalid, and each rule's line is found from its `id:`.
 */
export function parseRuleFile(file: string, text: string): SecretRule[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    throw describeInvalid(file, text);
  }
  const parsed = secretRuleFileSchema.safeParse(data);
  if (!parsed.success) throw describeInvalid(file, text);

  return parsed.data.rules.map((rule) => ({
    ...rule,
    provider: parsed.data.provider,
    source: { file, line: idLine(text, rule.id) },
  }));
}

/** The error for an invalid file, with the line worked out from a positioned parse. */
function describeInvalid(file: string, text: string): Error {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    return configError(`invalid YAML: ${error.message}`, { file, line }, 'fix the YAML syntax');
  }
  const parsed = secretRuleFileSchema.safeParse(doc.toJS());
  if (parsed.success) return configError('invalid secrets rule file', { file });
  return schemaError(file, doc, lineCounter, parsed.error);
}

/** The 1-based line of the rule's `id:` key, or 1 when it is written another way. */
function idLine(text: string, id: string): number {
  const at = new RegExp(`^[ \\t-]*id:[ \\t]*["']?${id}["']?[ \\t]*$`, 'm').exec(text);
  if (!at) return 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at.index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function schemaError(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  error: z.ZodError,
): Error {
  const issue = error.issues[0];
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const ruleIndex = path[0] === 'rules' && typeof path[1] === 'number' ? path[1] : undefined;
  const ruleIdValue = ruleIndex === undefined ? undefined : doc.getIn(['rules', ruleIndex, 'id']);
  const inRule = typeof ruleIdValue === 'string' ? ` in rule "${ruleIdValue}"` : '';
  const field = path.length > 0 ? ` at ${path.join('.')}` : '';
  return configError(
    `invalid secrets rule${inRule}${field}: ${issue.message}`,
    { file, line: lineOf(doc, lineCounter, path) },
    'see docs/rules-secrets.md for the rule format',
  );
}

/** The 1-based line of the deepest node along `path` that exists in the document. */
function lineOf(doc: Document, lineCounter: LineCounter, path: Array<string | number>): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return lineCounter.linePos(node.range[0] as number).line;
    }
  }
  return 1;
}
