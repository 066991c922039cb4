import type { Expr } from './hcl-model.js';
import { evaluate, isMap, parseJson, UNKNOWN, type EvalScope, type Value } from './hcl-values.js';

/** Actions that grant everything (`*`) or everything of one service (`s3:*`). */
const WILDCARD_ACTION = /^(\*|[\w-]+:\*)$/;

/** Stands in for an interpolation of a policy text whose value is unknown. */
const HOLE = '\uE001';

/** The statement that grants a wildcard action on every resource, and that action. */
export interface AdminGrant {
  /** The wildcard action found: `*` or `<service>:*`. */
  action: string;
  /** How many earlier statements also list this action: which mention of it in the text. */
  rank: number;
}

/**
 * The first Allow statement of an IAM policy document that grants a wildcard action on every
 * resource; undefined when there is none, 'unknown' when the document or a statement that may
 * be one cannot be read. Statements are judged one by one, so an unknown value in one statement
 * (an interpolated ARN, a Sid from a variable) does not hide another. Follows the IAM JSON
 * policy grammar: Statement is one object or a list, and Action and Resource are one string or
 * a list.
 */
export function wildcardAdminGrant(document: Value): AdminGrant | 'unknown' | undefined {
  if (!isMap(document)) return 'unknown';
  const statements = document.Statement;
  if (statements === UNKNOWN) return 'unknown';
  const list: Value[] = Array.isArray(statements) ? statements : [statements ?? null];
  let unknown = false;
  for (const [index, statement] of list.entries()) {
    const verdict = adminAction(statement);
    if (verdict === 'unknown') unknown = true;
    else if (verdict !== undefined)
      return { action: verdict, rank: mentions(list, index, verdict) };
  }
  return unknown ? 'unknown' : undefined;
}

/**
 * The policy document an expression holds, with unknown parts kept as UNKNOWN (in jsonencode)
 * or as a placeholder inside the strings they were interpolated into (in a JSON template). A
 * template whose interpolation stands outside a JSON string is not valid JSON before
 * evaluation, so the wildcard check stays silent on it.
 */
export function policyDocument(expr: Expr | undefined, value: Value, scope: EvalScope): Value {
  if (typeof value === 'string') return parseJson(value);
  if (!expr) return UNKNOWN;
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1) {
    return evaluate(expr.args[0], scope);
  }
  if (expr.kind === 'template') {
    const text = expr.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        const inner = evaluate(part, scope);
        return typeof inner === 'string' || typeof inner === 'number' ? String(inner) : HOLE;
      })
      .join('');
    return parseJson(text);
  }
  return UNKNOWN;
}

function mentions(list: Value[], before: number, action: string): number {
  return list
    .slice(0, before)
    .filter((statement) => isMap(statement) && asList(statement.Action).includes(action)).length;
}

/** The wildcard action a statement allows on `*`, 'unknown' when it may, else undefined. */
function adminAction(statement: Value): string | 'unknown' | undefined {
  if (statement === UNKNOWN) return 'unknown';
  if (!isMap(statement)) return undefined;
  const actions = asList(statement.Action);
  const resources = asList(statement.Resource);
  const action = actions.find((item) => typeof item === 'string' && WILDCARD_ACTION.test(item));
  const wide = resources.includes('*');
  const effect = known(statement.Effect);
  if (typeof action === 'string' && wide && effect === 'Allow') return action;
  if (effect === 'unknown' || actions.includes('unknown') || resources.includes('unknown')) {
    const couldAct = action !== undefined || actions.includes('unknown');
    const couldReach = wide || resources.includes('unknown');
    const couldAllow = effect === 'Allow' || effect === 'unknown';
    return couldAct && couldReach && couldAllow ? 'unknown' : undefined;
  }
  return undefined;
}

/** A string as written, or 'unknown' when it was (or holds) an unknown value. */
function known(value: Value | undefined): string | 'unknown' | undefined {
  if (value === UNKNOWN) return 'unknown';
  if (typeof value !== 'string') return undefined;
  return value.includes(HOLE) ? 'unknown' : value;
}

function asList(value: Value | undefined): (string | 'unknown')[] {
  if (value === UNKNOWN) return ['unknown'];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const text = known(item);
    return text === undefined ? [] : [text];
  });
}
