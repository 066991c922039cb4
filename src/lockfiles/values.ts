/** A plain object parsed from JSON, YAML or TOML. */
export type Dict = Record<string, unknown>;

/** Whether a parsed value is a plain object (not an array, not null). */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an empty one. */
export function dict(value: unknown): Dict {
  return isDict(value) ? value : {};
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as an array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The keys of an object-valued field, e.g. the names under `dependencies`. */
export function keysOf(value: unknown): string[] {
  return isDict(value) ? Object.keys(value) : [];
}
