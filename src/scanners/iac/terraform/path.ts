import type { Block, Expr, Span } from './hcl-model.js';
import { evaluate, isMap, objectKey, UNKNOWN, type EvalScope, type Value } from './hcl-values.js';

/** What a dotted path found: the value (when found), its expression and the nearest span. */
export interface Resolved {
  found: boolean;
  value: Value;
  /** The expression at the end of the path, when the path ends at an attribute or map entry. */
  expr?: Expr;
  /** The attribute or map entry found, or else the deepest block the path reached. */
  span: Span;
}

/**
 * The blocks of one type in a body, with each `dynamic "<type>"` block's `content` standing in
 * for the blocks it generates.
 */
export function blocksOf(block: Block, type: string): Block[] {
  const out: Block[] = [];
  for (const child of block.blocks) {
    if (child.type === type) out.push(child);
    if (child.type === 'dynamic' && child.labels[0] === type) {
      const content = child.blocks.find((inner) => inner.type === 'content');
      if (content) out.push({ ...content, header: child.header });
    }
  }
  return out;
}

/** The blocks at a dotted path: the first block of each intermediate type, all of the last. */
export function blocksAt(block: Block, path: string): Block[] {
  const segments = path.split('.');
  let current = block;
  for (const segment of segments.slice(0, -1)) {
    const [next] = blocksOf(current, segment);
    if (!next) return [];
    current = next;
  }
  return blocksOf(current, segments[segments.length - 1]);
}

/**
 * Follow `a.b.c` through nested blocks, attributes and map keys. A path through a repeated
 * block looks at the first block of that type only; checks use `each` or `some` where every
 * block matters.
 */
export function resolvePath(block: Block, path: string, scope: EvalScope): Resolved {
  const segments = path.split('.');
  let current = block;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const attribute = current.attributes.get(segment);
    if (attribute) return into(attribute.expr, segments.slice(i + 1), attribute.span, scope);
    const [next] = blocksOf(current, segment);
    if (!next) return { found: false, value: UNKNOWN, span: current.header };
    current = next;
  }
  return { found: true, value: {}, span: current.header };
}

function into(expr: Expr, rest: string[], span: Span, scope: EvalScope): Resolved {
  if (rest.length === 0) return { found: true, value: evaluate(expr, scope), expr, span };
  const [key, ...tail] = rest;
  if (expr.kind === 'object') {
    const entry = expr.entries.find((candidate) => objectKey(candidate.key, scope) === key);
    if (entry) return into(entry.value, tail, entry.span, scope);
    const keys = expr.entries.map((candidate) => objectKey(candidate.key, scope));
    return { found: !keys.every((name) => typeof name === 'string'), value: UNKNOWN, span };
  }
  const value = evaluate(expr, scope);
  if (value === UNKNOWN) return { found: true, value: UNKNOWN, span };
  const inner = lookup(value, rest);
  return { found: inner !== undefined, value: inner ?? UNKNOWN, span };
}

function lookup(value: Value, keys: string[]): Value | undefined {
  let current: Value | undefined = value;
  for (const key of keys) {
    if (current === UNKNOWN) return UNKNOWN;
    if (!isMap(current)) return undefined;
    current = current[key];
    if (current === undefined) return undefined;
  }
  return current;
}
