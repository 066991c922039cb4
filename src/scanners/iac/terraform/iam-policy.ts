import { isMap, parseJson, type Value } from './hcl-values.js';

/** Actions that grant everything (`*`) or everything of one service (`s3:*`). */
const WILDCARD_ACTION = /^(\*|[\w-]+:\*)$/;

/**
 * The first Allow statement of an IAM policy document that grants a wildcard action on every
 * resource; undefined when there is none, 'unknown' when the text is not a policy document.
 * Follows the IAM JSON policy grammar: Statement is one object or a list, and Action and
 * Resource are one string or a list.
 */
export function wildcardAdminStatement(text: string): Value | 'unknown' | undefined {
  const document = parseJson(text);
  if (!isMap(document)) return 'unknown';
  const statements = document.Statement;
  const list: Value[] = Array.isArray(statements) ? statements : [statements ?? null];
  return list.find((statement) => isAdmin(statement));
}

function isAdmin(statement: Value | undefined): boolean {
  if (!statement || !isMap(statement) || statement.Effect !== 'Allow') return false;
  const actions = asList(statement.Action);
  const resources = asList(statement.Resource);
  return actions.some((action) => WILDCARD_ACTION.test(action)) && resources.includes('*');
}

function asList(value: Value | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
