import type { AstRelation, AstRule } from './rule-schema.js';

const METAVAR = /\$(\$\$)?([A-Z][A-Z0-9_]*)/g;

/**
 * Rename the metavariables and utility names of a rule with a prefix, so that many rules can
 * be combined into one ast-grep `any` and matched in a single pass over a file without their
 * names colliding. Anonymous metavariables (`$_`, `$$$`) are left alone.
 */
export function namespaceRule<T extends AstRule>(rule: T, prefix: string): T {
  const out: AstRelation = {};
  for (const [key, value] of Object.entries(rule) as Array<[keyof AstRelation, unknown]>) {
    out[key] = namespaceValue(key, value, prefix) as never;
  }
  return out as T;
}

function namespaceValue(key: keyof AstRelation, value: unknown, prefix: string): unknown {
  switch (key) {
    case 'pattern':
      if (typeof value === 'string') return renamePattern(value, prefix);
      return {
        ...(value as object),
        context: renamePattern((value as { context: string }).context, prefix),
      };
    case 'matches':
      return `${prefix}${String(value)}`;
    case 'all':
    case 'any':
      return (value as AstRule[]).map((sub) => namespaceRule(sub, prefix));
    case 'not':
    case 'inside':
    case 'has':
    case 'precedes':
    case 'follows':
      return namespaceRule(value as AstRule, prefix);
    case 'stopBy':
      return typeof value === 'string' ? value : namespaceRule(value as AstRule, prefix);
    default:
      return value;
  }
}

/** Rename the metavariables of one pattern string. */
export function renamePattern(pattern: string, prefix: string): string {
  return pattern.replace(METAVAR, (_all, dollars: string | undefined, name: string) => {
    return `$${dollars ?? ''}${prefix}${name}`;
  });
}

/** Rename the keys of a record (constraints by metavariable, utils by name). */
export function namespaceRecord(
  record: Record<string, AstRule> | undefined,
  prefix: string,
): Record<string, AstRule> {
  const out: Record<string, AstRule> = {};
  for (const [name, rule] of Object.entries(record ?? {})) {
    out[`${prefix}${name}`] = namespaceRule(rule, prefix);
  }
  return out;
}
