import type { Expr, Step } from './hcl-model.js';

/** A value that literal evaluation could not determine (a resource attribute, a function...). */
export const UNKNOWN: unique symbol = Symbol('unknown');

/** A value HCL evaluation produced: JSON-like data, or UNKNOWN. */
export type Value =
  string | number | boolean | null | Value[] | { [key: string]: Value } | typeof UNKNOWN;

/** What an expression may refer to: module variables and locals, and the instance keys. */
export interface EvalScope {
  variable(name: string): Value;
  local(name: string): Value;
  /** `count.index`, `each.key`, `each.value` of the resource instance being evaluated. */
  instance?: { count?: number; each?: { key: Value; value: Value } };
}

/** True when a value is fully known, including every element of a list or map. */
export function isKnown(value: Value): boolean {
  if (value === UNKNOWN) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isKnown);
  return true;
}

/** True for a map value (not a list, not null). */
export function isMap(value: Value): value is { [key: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Evaluate an expression to a literal value, UNKNOWN where it depends on the real world.
 * Only literal values are evaluated: a setting that comes from another resource, a data
 * source, a module output or an unevaluated function is unknown, and the check stays silent.
 */
export function evaluate(expr: Expr, scope: EvalScope): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return template(expr.parts, scope);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, scope));
    case 'object':
      return objectValue(expr, scope);
    case 'traversal':
      return traverse(root(expr.root, expr.steps, scope), expr.steps, scope);
    case 'call':
      return call(
        expr.name,
        expr.args.map((arg) => evaluate(arg, scope)),
      );
    case 'conditional':
      return conditional(expr, scope);
    case 'unary':
      return unary(expr.operator, evaluate(expr.operand, scope));
    default:
      return UNKNOWN;
  }
}

/** The key of an object element: a bare word is its own name, otherwise its value. */
export function objectKey(key: Expr, scope: EvalScope): Value {
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  return evaluate(key, scope);
}

function objectValue(expr: Extract<Expr, { kind: 'object' }>, scope: EvalScope): Value {
  const out: { [key: string]: Value } = {};
  for (const entry of expr.entries) {
    const key = objectKey(entry.key, scope);
    if (typeof key !== 'string') return UNKNOWN;
    out[key] = evaluate(entry.value, scope);
  }
  return out;
}

function template(parts: (string | Expr)[], scope: EvalScope): Value {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = evaluate(part, scope);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out += String(value);
    } else {
      return UNKNOWN;
    }
  }
  return out;
}

function root(name: string, steps: Step[], scope: EvalScope): Value {
  const first = steps[0];
  const firstName = first?.kind === 'attr' ? first.name : undefined;
  if (name === 'var' && firstName) return scope.variable(firstName);
  if (name === 'local' && firstName) return scope.local(firstName);
  if (name === 'count' && firstName === 'index') return scope.instance?.count ?? UNKNOWN;
  if (name === 'each' && firstName === 'key') return scope.instance?.each?.key ?? UNKNOWN;
  if (name === 'each' && firstName === 'value') return scope.instance?.each?.value ?? UNKNOWN;
  return UNKNOWN;
}

function traverse(start: Value, steps: Step[], scope: EvalScope): Value {
  let value = start;
  for (const step of steps.slice(1)) {
    if (value === UNKNOWN) return UNKNOWN;
    if (step.kind === 'splat') return UNKNOWN;
    const key = step.kind === 'attr' ? step.name : evaluate(step.index, scope);
    if (Array.isArray(value) && typeof key === 'number') value = value[key] ?? UNKNOWN;
    else if (isMap(value) && typeof key === 'string') value = value[key] ?? UNKNOWN;
    else return UNKNOWN;
  }
  return value;
}

function conditional(expr: Extract<Expr, { kind: 'conditional' }>, scope: EvalScope): Value {
  const test = evaluate(expr.test, scope);
  if (test === true) return evaluate(expr.then, scope);
  if (test === false) return evaluate(expr.otherwise, scope);
  const then = evaluate(expr.then, scope);
  const otherwise = evaluate(expr.otherwise, scope);
  return isKnown(then) && JSON.stringify(then) === JSON.stringify(otherwise) ? then : UNKNOWN;
}

function unary(operator: string, value: Value): Value {
  if (operator === '-' && typeof value === 'number') return -value;
  if (operator === '!' && typeof value === 'boolean') return !value;
  return UNKNOWN;
}

/** The few built-in functions whose result literal evaluation can know. */
function call(name: string, args: Value[]): Value {
  if (!args.every(isKnown)) return UNKNOWN;
  const [first] = args;
  switch (name) {
    case 'jsonencode':
      return JSON.stringify(first);
    case 'jsondecode':
      return typeof first === 'string' ? parseJson(first) : UNKNOWN;
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'tostring':
    case 'tonumber':
    case 'tobool':
      return first ?? UNKNOWN;
    case 'lower':
      return typeof first === 'string' ? first.toLowerCase() : UNKNOWN;
    case 'upper':
      return typeof first === 'string' ? first.toUpperCase() : UNKNOWN;
    case 'concat':
      return args.every(Array.isArray) ? (args as Value[][]).flat() : UNKNOWN;
    case 'merge':
      return args.every(isMap) ? Object.assign({}, ...args) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Parse JSON text into a Value, or UNKNOWN when it is not JSON. */
export function parseJson(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return UNKNOWN;
  }
}
