import type { AstRelation, AstRule } from './rule-schema.js';

/** `, $$$)` or `, $$$NAME)`: further arguments after a comma, at the end of a call. */
const REST = /,\s*\$\$\$[A-Z0-9_]*(?=\s*\))/g;

/** Patterns with more rest arguments than this are left as written (2^n variants). */
const MAX_RESTS = 3;

/**
 * A rule in which every pattern that ends a call with `, $$$` also matches the call without
 * those arguments. ast-grep reads the comma before `$$$` as a token the code must have, so
 * `db.run($SQL, $$$)` would miss `db.run(sql)`; rule authors mean "and any further arguments".
 * The object holding such a pattern becomes an `any` of itself and its variants, so its other
 * keys (relations, constraints on the same node) keep their meaning.
 */
export function withOptionalRest<R extends AstRule>(rule: R): R {
  const out: AstRule = { ...rule };
  for (const key of ['inside', 'has', 'precedes', 'follows'] as const) {
    const sub = rule[key];
    if (sub) out[key] = relationWithOptionalRest(sub);
  }
  if (rule.not) out.not = withOptionalRest(rule.not);
  if (rule.all) out.all = rule.all.map(withOptionalRest);
  if (rule.any) out.any = rule.any.map(withOptionalRest);
  const variants = patternVariants(rule.pattern);
  if (variants.length === 0) return out as R;
  const alternatives = [out, ...variants.map((pattern) => ({ ...out, pattern }))];
  return { any: alternatives } as R;
}

function relationWithOptionalRest(relation: AstRelation): AstRelation {
  const { stopBy, field, ...rest } = relation;
  const out: AstRelation = withOptionalRest(rest);
  if (stopBy !== undefined)
    out.stopBy = typeof stopBy === 'string' ? stopBy : withOptionalRest(stopBy);
  if (field !== undefined) out.field = field;
  return out;
}

/** The pattern's forms without some of its trailing `, $$$` arguments (none when it has none). */
function patternVariants(pattern: AstRule['pattern']): Array<NonNullable<AstRule['pattern']>> {
  if (pattern === undefined) return [];
  const text = typeof pattern === 'string' ? pattern : pattern.context;
  const rests = [...text.matchAll(REST)];
  if (rests.length === 0 || rests.length > MAX_RESTS) return [];
  const variants: string[] = [];
  // Every non-empty subset of the rest arguments is dropped, last ones first.
  for (let mask = 1; mask < 1 << rests.length; mask++) {
    let variant = text;
    for (let i = rests.length - 1; i >= 0; i--) {
      if (!(mask & (1 << i))) continue;
      const at = rests[i].index;
      variant = variant.slice(0, at) + variant.slice(at + rests[i][0].length);
    }
    variants.push(variant);
  }
  return typeof pattern === 'string'
    ? variants
    : variants.map((context) => ({ ...pattern, context }));
}
