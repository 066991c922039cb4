import type { Block, Expr, Span } from './hcl-model.js';
import { evaluate, isKnown, objectKey, UNKNOWN, type EvalScope, type Value } from './hcl-values.js';
import { policyDocument, wildcardAdminGrant, type AdminGrant } from './iam-policy.js';
import { resolvePath } from './path.js';
import type { AttributeTest, Literal } from './rule-schema.js';

/** True, false, or unknown when the answer depends on a value literal evaluation cannot know. */
export type Truth = boolean | 'unknown';

/** A condition's answer, the span it is about, and what it found there (for the message). */
export interface Outcome {
  truth: Truth;
  at: Span;
  /** The offending value a test found (`s3:*`), shown where a message says `{detail}`. */
  detail?: string;
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
  if (test.noWildcardAdmin) return wildcardAdmin(value, resolved.expr, at, scope);
  if (value === UNKNOWN) return { truth: 'unknown', at };
  const truth = compare(test, value);
  if (truth === true && test.matches !== undefined) {
    return { truth, at, detail: firstMatch(value, new RegExp(test.matches)) };
  }
  if (truth === false && (typeof value === 'string' || typeof value === 'number')) {
    return { truth, at, detail: String(value) };
  }
  return { truth, at };
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

/** The string (or first list element) that matches, named in the finding's message. */
function firstMatch(value: Value | typeof MISSING, pattern: RegExp): string | undefined {
  const items = Array.isArray(value) ? value : [value];
  return items.find((item): item is string => typeof item === 'string' && pattern.test(item));
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

function wildcardAdmin(
  value: Value | typeof MISSING,
  expr: Expr | undefined,
  at: Span,
  scope: EvalScope,
): Outcome {
  if (value === MISSING) return { truth: true, at };
  const grant = wildcardAdminGrant(policyDocument(expr, value, scope));
  if (grant === 'unknown') return { truth: 'unknown', at };
  if (grant === undefined) return { truth: true, at };
  return { truth: false, at: actionSpan(expr, at, grant), detail: grant.action };
}

/**
 * The span of the wildcard action inside the policy text, for a precise line and column: the
 * quoted action on an `Action` line (or in the list it opens), counting only the statements up
 * to the one that grants it.
 */
function actionSpan(expr: Expr | undefined, at: Span, grant: AdminGrant): Span {
  if (!expr) return at;
  const quoted = `"${grant.action}"`;
  const lines = expr.text.split('\n');
  const hits: { line: number; column: number }[] = [];
  let inList = false;
  for (const [index, text] of lines.entries()) {
    const key = /"?\bAction"?\s*[:=]/.exec(text);
    const from = key ? key.index : inList ? 0 : -1;
    inList = key ? text.includes('[') && !text.includes(']') : inList && !text.includes(']');
    const column = from < 0 ? -1 : text.indexOf(quoted, from);
    if (column >= 0) hits.push({ line: index, column });
  }
  const hit = hits[Math.min(grant.rank, hits.length - 1)];
  if (!hit) return at;
  const offset = hit.line === 0 ? expr.span.startColumn - 1 : 0;
  const line = expr.span.startLine + hit.line;
  const column = hit.column + offset + 1;
  return {
    file: at.file,
    startLine: line,
    startColumn: column,
    endLine: line,
    endColumn: column + quoted.length,
  };
}
