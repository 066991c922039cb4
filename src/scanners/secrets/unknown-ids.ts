import { closest } from '../../core/nearest-id.js';

/**
 * Warnings for secrets rule ids in bulwark.yaml that no rule has: `scanners.secrets.disabledRules`
 * entries (short `github-pat` or full `secrets/github-pat`), `severity` keys that start with
 * `secrets/`, and short secrets ids used as `severity` keys, which need the full form.
 * Unknown ids name the nearest real one.
 */
export function unknownSecretsIdWarnings(
  disabled: readonly string[],
  severity: Readonly<Record<string, unknown>>,
  ruleIds: readonly string[],
): string[] {
  const full = ruleIds.map((id) => `secrets/${id}`);
  const have = new Set(full);
  const named: Array<[string, string]> = [
    ...disabled.map((id): [string, string] => [
      'scanners.secrets.disabledRules',
      id.startsWith('secrets/') ? id : `secrets/${id}`,
    ]),
    ...Object.keys(severity)
      .filter((id) => id.startsWith('secrets/'))
      .map((id): [string, string] => ['severity', id]),
  ];
  const short = Object.keys(severity)
    .filter((id) => !id.includes('/') && ruleIds.includes(id))
    .map(
      (id) =>
        `severity: ${id} is not a full rule id, so the setting does nothing; write secrets/${id}`,
    );
  return short.concat(
    named
      .filter(([, id]) => !have.has(id))
      .map(([field, id]) => {
        const near = closest(id, full);
        const hint = near ? `; did you mean ${near}?` : '; docs/rules-secrets.md lists the ids';
        return `${field}: ${id} is not a secrets rule id, so the setting does nothing${hint}`;
      }),
  );
}
