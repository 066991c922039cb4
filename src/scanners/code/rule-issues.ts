import type { z } from 'zod';

import { nearest } from '../../core/nearest-id.js';
import { autofixSchema, codeRuleSchema, NO_KEY, sinkSchema, taintSchema } from './rule-schema.js';

/** The fields every rule file must have (see docs/code-rules.md). */
export const REQUIRED_FIELDS =
  'id, title, message, severity, confidence, cwe, owasp, help, fix, and rule or taint';

/** The keys of an ast-grep rule object, and those a relation (`inside`, `has`...) adds. */
const AST_RULE_KEYS = [
  'pattern',
  'kind',
  'regex',
  'nthChild',
  'range',
  'matches',
  'inside',
  'has',
  'precedes',
  'follows',
  'all',
  'any',
  'not',
];
const RELATIONS = new Set(['inside', 'has', 'precedes', 'follows']);

/** What an object is (`a rule file`) and the keys it may have. */
export interface KeySet {
  what: string;
  keys: readonly string[];
}

/** What the object at `path` of a rule file is, and the keys it may have. */
function keysAt(path: ReadonlyArray<string | number>, top: KeySet): KeySet {
  const last = [...path].reverse().find((step) => typeof step === 'string');
  if (path.length === 0) return top;
  if (path.length === 1 && last === 'autofix')
    return { what: 'autofix', keys: Object.keys(autofixSchema.shape) };
  if (path.length === 1 && last === 'taint')
    return { what: 'taint', keys: Object.keys(taintSchema.shape) };
  if (path.length === 3 && path[0] === 'taint' && last === 'sinks')
    return { what: 'a taint sink', keys: Object.keys(sinkSchema.shape) };
  if (last === 'pattern')
    return { what: 'a pattern object', keys: ['context', 'selector', 'strictness'] };
  if (last !== undefined && RELATIONS.has(last))
    return { what: `an ast-grep ${last} rule`, keys: [...AST_RULE_KEYS, 'stopBy', 'field'] };
  return { what: 'an ast-grep rule', keys: AST_RULE_KEYS };
}

/** The longest allowed key that an unknown key is built on: `severity` for `severity_override`. */
function within(key: string, keys: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return keys
    .filter((known) => known.length >= 3 && lower.includes(known.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
}

function isKey(step: PropertyKey): step is string | number {
  return typeof step === 'string' || typeof step === 'number';
}

/** The key path a schema issue is about; an unknown key's own path for an unknown key. */
export function issuePath(issue: z.core.$ZodIssue | undefined): Array<string | number> {
  if (!issue) return [];
  const path = issue.path.filter(isKey);
  return issue.code === 'unrecognized_keys' && issue.keys.length > 0
    ? [...path, issue.keys[0]]
    : path;
}

/** The top-level keys of a rule file. */
const RULE_FILE: KeySet = { what: 'a rule file', keys: Object.keys(codeRuleSchema.shape) };

/**
 * Zod issues as one line: `severity: Invalid option ...; cwe: missing (...)`. An unknown key
 * is named with the nearest allowed key and the keys allowed where it stands.
 */
export function describeIssues(error: z.ZodError, top: KeySet = RULE_FILE): string {
  let missing = false;
  // An object whose only key is unknown also has no key: the unknown key says it all.
  const unknownAt = new Set(
    error.issues
      .filter((issue) => issue.code === 'unrecognized_keys')
      .map((issue) => issue.path.filter(isKey).join('.')),
  );
  const issues = error.issues.filter(
    (issue) => issue.message !== NO_KEY || !unknownAt.has(issue.path.filter(isKey).join('.')),
  );
  const parts = issues.flatMap((issue) => {
    const path = issue.path.filter(isKey);
    if (issue.code === 'unrecognized_keys') {
      const { what, keys } = keysAt(path, top);
      return issue.keys.map((key) => {
        const near = nearest(key, keys) ?? within(key, keys);
        const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
        return `${[...path, key].join('.')}: not a key of ${what}${hint}; its keys are ${keys.join(', ')}`;
      });
    }
    const where = path.length > 0 ? `${path.join('.')}: ` : '';
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      missing = true;
      return [`${where}missing`];
    }
    return [`${where}${issue.message}`];
  });
  const text = parts.join('; ');
  return missing ? `${text} (a rule needs ${REQUIRED_FIELDS})` : text;
}
