import type { Attribute, Block, Expr, Span } from './hcl-model.js';
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
 * The blocks of one type in a body. A `dynamic "<type>"` block's `content` stands in for the
 * blocks it generates, unless its `for_each` is known to be empty (then it generates none).
 * An attribute of that name holding a literal list of objects (`ingress = [{ ... }]`, the
 * attribute syntax of security groups) counts as one block per object. Blocks in attribute
 * syntax are checked only when the list is literal: `ingress = var.rules` or a `for`
 * expression is not checked.
 */
export function blocksOf(block: Block, type: string, scope?: EvalScope): Block[] {
  const out: Block[] = [];
  for (const child of block.blocks) {
    if (child.type === type) out.push(child);
    if (child.type === 'dynamic' && child.labels[0] === type && !generatesNone(child, scope)) {
      const content = child.blocks.find((inner) => inner.type === 'content');
      if (content) out.push({ ...content, header: child.header });
    }
  }
  const attribute = block.attributes.get(type);
  if (attribute?.expr.kind === 'tuple')
    out.push(...objectBlocks(type, attribute.expr.items, scope));
  return out;
}

/** Whether a dynamic block's for_each is known to be an empty list or map. */
function generatesNone(dynamic: Block, scope: EvalScope | undefined): boolean {
  const forEach = dynamic.attributes.get('for_each');
  if (!forEach || !scope) return false;
  const value = evaluate(forEach.expr, scope);
  if (Array.isArray(value)) return value.length === 0;
  return isMap(value) && Object.keys(value).length === 0;
}

/** The objects of a list attribute as blocks: their entries become attributes. */
function objectBlocks(type: string, items: Expr[], scope: EvalScope | undefined): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.kind !== 'object') continue;
    const attributes = new Map<string, Attribute>();
    for (const entry of item.entries) {
      const key = scope ? objectKey(entry.key, scope) : bareKey(entry.key);
      if (typeof key === 'string')
        attributes.set(key, { name: key, expr: entry.value, span: entry.span });
    }
    const header = {
      ...item.span,
      endLine: item.span.startLine,
      endColumn: item.span.startColumn + 1,
    };
    blocks.push({ type, labels: [], attributes, blocks: [], span: item.span, header });
  }
  return blocks;
}

function bareKey(key: Expr): string | undefined {
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  return key.kind === 'literal' && typeof key.value === 'string' ? key.value : undefined;
}

/** The blocks at a dotted path: the first block of each intermediate type, all of the last. */
export function blocksAt(block: Block, path: string, scope?: EvalScope): Block[] {
  const segments = path.split('.');
  let current = block;
  for (const segment of segments.slice(0, -1)) {
    const [next] = blocksOf(current, segment, scope);
    if (!next) return [];
    current = next;
  }
  return blocksOf(current, segments[segments.length - 1], scope);
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
    const [next] = blocksOf(current, segment, scope);
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
