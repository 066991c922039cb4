import type { Block, Expr, Span } from './hcl-model.js';
import { evaluate, isKnown, objectKey, UNKNOWN, type EvalScope, type Value } from './hcl-values.js';
import { wildcardAdminStatement } from './iam-policy.js';
import { resolvePath } from './path.js';
import type { AttributeTest, Literal } from './rule-schema.js';

/** True, false, or unknown when the answer depends on a value literal evaluation cannot know. */
export type Truth = boolean | 'unknown';

/** A condition's answer and the span it is about. */
export interface Outcome {
  truth: Truth;
  at: Span;
}

const MISSING: unique symbol = Symbol('missing');

/** Run one attribute test on a block. */
export function runAttributeTest(test: AttributeTest, block: Block, scope: EvalScope): Outcome {
  const resolved = resolvePath(block, test.path, scope);
  const at = resolved.span;
  if (test.exists !== undefined) return { truth: resolved.found === test.exists, at };
  const value: Value | typeof MISSING = resolved.found
    ? resolved.value
    : test.default !== undefined
      ? test.default
      : MISSING;
  if (test.noLiteralKeys !== undefined)
    return literalKeys(test.noLiteralKeys, resolved.expr, value, at, scope);
  if (test.noWildcardAdmin) return wildcardAdmin(value, resolved.expr, at);
  if (value === UNKNOWN) return { truth: 'unknown', at };
  return { truth: compare(test, value), at };
}

function compare(test: AttributeTest, value: Value | typeof MISSING): Truth {
  const missing = value === MISSING;
  if (test.equals !== undefined) return !missing && same(value, test.equals);
  if (test.notEquals !== undefined) return missing || !same(value, test.notEquals);
  if (test.in) return !missing && test.in.some((item) => same(value, item));
  if (test.notIn) return missing || !test.notIn.some((item) => same(value, item));
  if (test.contains !== undefined) return missing ? false : contains(value, test.contains);
  if (test.notContains !== undefined)
    return missing ? true : not(contains(value, test.notContains));
  if (test.gte !== undefined) return !missing && asNumber(value) >= test.gte;
  if (test.lte !== undefined) return !missing && asNumber(value) <= test.lte;
  if (test.matches !== undefined) return missing ? false : matches(value, new RegExp(test.matches));
  if (test.maxDays !== undefined) return !missing && durationDays(value) <= test.maxDays;
  return 'unknown';
}

function not(truth: Truth): Truth {
  return truth === 'unknown' ? truth : !truth;
}

/** Terraform converts between strings, numbers and booleans; compare as it would. */
function same(value: Value, expected: Literal): boolean {
  if (value === expected) return true;
  if (typeof value === 'string' && typeof expected !== 'string' && expected !== null) {
    return value.toLowerCase() === String(expected).toLowerCase();
  }
  if (typeof expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return String(value).toLowerCase() === expected.toLowerCase();
  }
  return false;
}

function contains(value: Value, expected: Literal): Truth {
  if (typeof value === 'string' && typeof expected === 'string') return value.includes(expected);
  if (!Array.isArray(value)) return false;
  if (value.some((item) => item !== UNKNOWN && same(item, expected))) return true;
  return value.every(isKnown) ? false : 'unknown';
}

function matches(value: Value, pattern: RegExp): Truth {
  if (typeof value === 'string') return pattern.test(value);
  if (!Array.isArray(value)) return false;
  if (value.some((item) => typeof item === 'string' && pattern.test(item))) return true;
  return value.every(isKnown) ? false : 'unknown';
}

function asNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function durationDays(value: Value): number {
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  return match ? Number(match[1]) / 86_400 : Number.POSITIVE_INFINITY;
}

function literalKeys(
  pattern: string,
  expr: Expr | undefined,
  value: Value | typeof MISSING,
  at: Span,
  scope: EvalScope,
): Outcome {
  const keyPattern = new RegExp(pattern, 'i');
  if (expr?.kind === 'object') {
    for (const entry of expr.entries) {
      const key = objectKey(entry.key, scope);
      if (typeof key !== 'string' || !keyPattern.test(key)) continue;
      const literal = entry.value.kind === 'literal' || isPlainTemplate(entry.value);
      const text = evaluate(entry.value, scope);
      if (literal && typeof text === 'string' && text !== '')
        return { truth: false, at: entry.span };
    }
    return { truth: true, at };
  }
  return { truth: value === MISSING || value !== UNKNOWN ? true : 'unknown', at };
}

function isPlainTemplate(expr: Expr): boolean {
  return expr.kind === 'template' && expr.parts.every((part) => typeof part === 'string');
}

function wildcardAdmin(value: Value | typeof MISSING, expr: Expr | undefined, at: Span): Outcome {
  if (value === MISSING) return { truth: true, at };
  if (typeof value !== 'string') return { truth: 'unknown', at };
  const verdict = wildcardAdminStatement(value);
  if (verdict === 'unknown' || verdict === undefined) return { truth: verdict === undefined, at };
  return { truth: false, at: actionLine(expr, at) };
}

/** The line inside a policy text that grants the wildcard action, for a precise location. */
function actionLine(expr: Expr | undefined, at: Span): Span {
  if (!expr) return at;
  const lines = expr.text.split('\n');
  const index = lines.findIndex((line) => /"?Action"?\s*[:=]\s*\[?\s*"(\*|[\w-]+:\*)"/.test(line));
  if (index < 0) return at;
  const line = expr.span.startLine + index;
  return {
    file: at.file,
    startLine: line,
    startColumn: 1,
    endLine: line,
    endColumn: lines[index].length + 1,
  };
}
