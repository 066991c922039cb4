import { runAttributeTest, type Outcome, type Truth } from './attribute-test.js';
import type { Block, Expr } from './hcl-model.js';
import { evaluate, type EvalScope } from './hcl-values.js';
import { instancesOf, type Module, type Resource } from './module.js';
import { blocksAt, resolvePath } from './path.js';
import { runPortsTest } from './ports-test.js';
import type { Companion, Condition } from './rule-schema.js';

/** The resource a condition is evaluated for, and the scope of the instance being checked. */
export interface ConditionContext {
  resource: Resource;
  scope: EvalScope;
}

/**
 * Evaluate a condition on a block. The span of the answer is the subject of the condition
 * that decided it: the first failing (allOf) or succeeding (anyOf) branch, the first block of
 * `each` that fails, the first of `some` that holds.
 */
export function evaluateCondition(
  condition: Condition,
  block: Block,
  context: ConditionContext,
): Outcome {
  if ('allOf' in condition) return combine(condition.allOf, block, context, false);
  if ('anyOf' in condition) return combine(condition.anyOf, block, context, true);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, block, context);
    const truth = inner.truth === 'unknown' ? 'unknown' : !inner.truth;
    return { truth, at: inner.at, detail: inner.detail };
  }
  if ('each' in condition) return quantify(condition.each, block, context, false);
  if ('some' in condition) return quantify(condition.some, block, context, true);
  if ('companion' in condition) return companion(condition.companion, block, context);
  if ('ports' in condition) return runPortsTest(condition.ports, block, context.scope);
  return runAttributeTest(condition, block, context.scope);
}

/**
 * allOf stops at the first false branch, anyOf at the first true one. When no branch decides,
 * the answer points at the first branch that found something more precise than the block's
 * header (an attribute set wrong, or a companion that is misconfigured).
 */
function combine(
  list: Condition[],
  block: Block,
  context: ConditionContext,
  stopOn: boolean,
): Outcome {
  let unknown: Outcome | undefined;
  const outcomes: Outcome[] = [];
  for (const condition of list) {
    const outcome = evaluateCondition(condition, block, context);
    if (outcome.truth === stopOn) return outcome;
    if (outcome.truth === 'unknown') unknown ??= outcome;
    outcomes.push(outcome);
  }
  if (unknown) return unknown;
  const precise = outcomes.find((outcome) => outcome.at !== block.header) ?? outcomes[0];
  const detail = outcomes.find((outcome) => outcome.detail !== undefined)?.detail;
  return { truth: !stopOn, at: precise.at, detail };
}

function quantify(
  spec: { block: string; check: Condition },
  block: Block,
  context: ConditionContext,
  stopOn: boolean,
): Outcome {
  let unknown: Outcome | undefined;
  let first: Outcome | undefined;
  for (const child of blocksAt(block, spec.block, context.scope)) {
    const outcome = evaluateCondition(spec.check, child, context);
    if (outcome.truth === stopOn) return outcome;
    if (outcome.truth === 'unknown') unknown ??= outcome;
    first ??= outcome;
  }
  return unknown ?? { truth: !stopOn, at: first?.at ?? block.header };
}

function companion(spec: Companion, block: Block, context: ConditionContext): Outcome {
  const candidates = companionsOf(spec, context);
  let outcome: Outcome | undefined;
  let truth: Truth = false;
  for (const other of candidates) {
    const instances = instancesOf(other);
    if (instances.length === 0) continue;
    const scope = other.module.scope(instances[0]);
    if (!spec.where) return { truth: true, at: other.block.header };
    const result = evaluateCondition(spec.where, other.block, { resource: other, scope });
    if (result.truth === true) return result;
    if (result.truth === 'unknown') truth = 'unknown';
    outcome ??= result;
  }
  if (truth === 'unknown') return { truth, at: block.header };
  return outcome ?? { truth: false, at: block.header };
}

/** Companions of one kind, indexed by the addresses they name and the literal they hold. */
interface CompanionIndex {
  byAddress: Map<string, Resource[]>;
  byValue: Map<string, Resource[]>;
}

const indexes = new WeakMap<Module, Map<string, CompanionIndex>>();

/**
 * The companions that refer to the resource, in source order. Each module indexes its
 * companions once per kind and reference attribute, so that looking them up for every bucket
 * of a large folder does not scan every companion again.
 */
function companionsOf(spec: Companion, context: ConditionContext): Resource[] {
  const { resource } = context;
  const all = resource.module.byKind(spec.resource);
  if (spec.reference === undefined) return all;
  const index = companionIndex(resource.module, spec.resource, spec.reference);
  const found = new Set(index.byAddress.get(resource.address) ?? []);
  if (spec.byValue) {
    const mine = resolvePath(resource.block, spec.byValue, context.scope).value;
    if (typeof mine === 'string')
      for (const other of index.byValue.get(mine) ?? []) found.add(other);
  }
  return found.size <= 1 ? [...found] : all.filter((other) => found.has(other));
}

function companionIndex(module: Module, kind: string, reference: string): CompanionIndex {
  let byModule = indexes.get(module);
  if (!byModule) indexes.set(module, (byModule = new Map()));
  const key = `${kind} ${reference}`;
  const cached = byModule.get(key);
  if (cached) return cached;
  const index: CompanionIndex = { byAddress: new Map(), byValue: new Map() };
  for (const other of module.byKind(kind)) {
    const attribute = other.block.attributes.get(reference);
    if (!attribute) continue;
    const exprs = [attribute.expr];
    const forEach = other.block.attributes.get('for_each');
    if (forEach && mentionsEach(attribute.expr)) exprs.push(forEach.expr);
    const addresses = new Set(exprs.flatMap(traversals).flatMap(addressesNamed));
    for (const address of addresses) add(index.byAddress, address, other);
    const value = evaluate(attribute.expr, other.module.scope());
    if (typeof value === 'string') add(index.byValue, value, other);
  }
  byModule.set(key, index);
  return index;
}

function add(map: Map<string, Resource[]>, key: string, resource: Resource): void {
  const list = map.get(key);
  if (list) list.push(resource);
  else map.set(key, [resource]);
}

/** The addresses a traversal may name: `type.name`, and `data.type.name` for data sources. */
function addressesNamed(traversal: Extract<Expr, { kind: 'traversal' }>): string[] {
  const names: string[] = [traversal.root];
  for (const step of traversal.steps.slice(0, 2)) {
    if (step.kind !== 'attr') break;
    names.push(step.name);
  }
  return [names.slice(0, 2), names.slice(0, 3)]
    .filter((parts, i) => parts.length === i + 2)
    .map((parts) => parts.join('.'));
}

function mentionsEach(expr: Expr): boolean {
  return traversals(expr).some((traversal) => traversal.root === 'each');
}

/** Every traversal inside an expression: `aws_s3_bucket.logs.id` in `"${aws_s3_bucket.logs.id}"`. */
export function traversals(expr: Expr): Extract<Expr, { kind: 'traversal' }>[] {
  switch (expr.kind) {
    case 'traversal':
      return [
        expr,
        ...expr.steps.flatMap((step) => (step.kind === 'index' ? traversals(step.index) : [])),
      ];
    case 'template':
      return expr.parts.flatMap((part) => (typeof part === 'string' ? [] : traversals(part)));
    case 'tuple':
      return expr.items.flatMap(traversals);
    case 'object':
      return expr.entries.flatMap((entry) => traversals(entry.value));
    case 'call':
      return expr.args.flatMap(traversals);
    case 'conditional':
      return [expr.test, expr.then, expr.otherwise].flatMap(traversals);
    case 'unary':
      return traversals(expr.operand);
    default:
      return [];
  }
}
