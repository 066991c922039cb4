import { utilsFor, type CompiledRule } from './compiled-rule.js';
import { requirementOf, satisfies, type Requirement, type TextIndex } from './prefilter.js';
import type { AstRelation, AstRule } from './rule-schema.js';

const requirements = new WeakMap<AstRule, Requirement>();
const variants = new WeakMap<CompiledRule, Map<string, CompiledRule>>();

/** Keys of a rule object that hold one sub-rule. */
const SINGLE = ['inside', 'has', 'precedes', 'follows', 'not'] as const;

/**
 * The rule as it needs to run on one file: every `any` alternative (in its parts, taint
 * sources and sanitizers, and utilities) whose words the file lacks is left out, since it can
 * match nowhere in the file, and so is every part (taint sink) that cannot match. ast-grep then tries fewer alternatives on each node. An `any`
 * none of whose alternatives fits is kept whole. Variants are cached per rule by which
 * alternatives were kept.
 */
export function pruneFor(rule: CompiledRule, index: TextIndex): CompiledRule {
  const kept = (alternative: AstRule): boolean => {
    let req = requirements.get(alternative);
    if (req === undefined) {
      req = requirementOf(alternative, { utils: rule.utils, runs: rule.language !== 'php' });
      requirements.set(alternative, req);
    }
    return satisfies(req, index);
  };
  const bits = rule.entries.map((entry) => (kept(entry.rule) ? '1' : '0'));
  if (!bits.includes('1')) bits.fill('1');
  const parts = [
    ...rule.entries.map((entry) => entry.rule),
    ...(rule.taint?.sources ?? []),
    ...(rule.taint?.sanitizers ?? []),
    ...usedUtils(rule).map((name) => rule.utils[name]),
  ];
  for (const part of parts) maskOf(part, kept, bits);
  const mask = bits.join('');
  if (!mask.includes('0')) return rule;
  let cache = variants.get(rule);
  if (!cache) {
    cache = new Map();
    variants.set(rule, cache);
  }
  let variant = cache.get(mask);
  if (!variant) {
    variant = rebuild(rule, mask);
    cache.set(mask, variant);
  }
  return variant;
}

const used = new WeakMap<CompiledRule, string[]>();

/** The names of the utilities a rule refers to, directly or through other utilities. */
function usedUtils(rule: CompiledRule): string[] {
  let names = used.get(rule);
  if (!names) {
    const parts = [
      ...rule.entries.map((entry) => entry.rule),
      ...(rule.taint?.sources ?? []),
      ...(rule.taint?.sanitizers ?? []),
      ...Object.values(rule.constraints),
    ];
    names = Object.keys(utilsFor(rule.utils, parts)).sort();
    used.set(rule, names);
  }
  return names;
}

/** Append one bit per `any` alternative (1 kept, 0 dropped), depth first. */
function maskOf(rule: AstRule, kept: (alternative: AstRule) => boolean, bits: string[]): void {
  if (rule.any) {
    const own = rule.any.map((alternative) => (kept(alternative) ? '1' : '0'));
    bits.push(...(own.includes('1') ? own : own.map(() => '1')));
    for (const alternative of rule.any) maskOf(alternative, kept, bits);
  }
  for (const sub of rule.all ?? []) maskOf(sub, kept, bits);
  for (const key of SINGLE) {
    const sub = rule[key];
    if (sub) maskOf(sub, kept, bits);
  }
}

/** A copy of the rule with the alternatives whose bit is 0 removed. */
function rebuild(rule: CompiledRule, mask: string): CompiledRule {
  let at = rule.entries.length;
  const copy = (part: AstRule): AstRule => {
    const out: AstRule = { ...part };
    if (part.any) {
      const keep = part.any.map(() => mask[at++] === '1');
      out.any = part.any.map(copy).filter((_, i) => keep[i]);
    }
    if (part.all) out.all = part.all.map(copy);
    for (const key of SINGLE) {
      const sub = part[key];
      if (sub) out[key] = copy(sub) as AstRelation;
    }
    return out;
  };
  const entries = rule.entries
    .map((entry) => ({ ...entry, rule: copy(entry.rule) }))
    .filter((_, i) => mask[i] === '1');
  const taint = rule.taint && {
    ...rule.taint,
    sources: rule.taint.sources.map(copy),
    sanitizers: rule.taint.sanitizers.map(copy),
  };
  const utils = { ...rule.utils };
  for (const name of usedUtils(rule)) utils[name] = copy(rule.utils[name]);
  return { ...rule, entries, taint, utils };
}
