import { closest } from '../../core/nearest-id.js';

/**
 * Warnings for code rule ids in bulwark.yaml that no loaded rule has: `scanners.code.disable`
 * entries, and `severity` keys that start with `code/`. Each names the nearest real id.
 */
export function unknownRuleIdWarnings(
  disable: readonly string[],
  severity: Readonly<Record<string, unknown>>,
  known: readonly string[],
): string[] {
  const have = new Set(known);
  const named: Array<[string, string]> = [
    ...disable.map((id): [string, string] => ['scanners.code.disable', id]),
    ...Object.keys(severity)
      .filter((id) => id.startsWith('code/'))
      .map((id): [string, string] => ['severity', id]),
  ];
  return named
    .filter(([, id]) => !have.has(id))
    .map(([field, id]) => {
      const near = closest(id, known);
      const hint = near ? `; did you mean ${near}?` : '; `bulwark rules list` shows the ids';
      return `${field}: ${id} is not a code rule id, so the setting does nothing${hint}`;
    });
}
