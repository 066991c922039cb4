/** How many leading characters of a secret may ever be shown. */
export const VISIBLE_PREFIX = 4;

/** Redact a secret: keep at most its first four characters, mask the rest. */
export function redactSecret(secret: string): string {
  const shown = secret.slice(0, Math.min(VISIBLE_PREFIX, Math.floor(secret.length / 2)));
  return `${shown}${'*'.repeat(Math.max(4, Math.min(12, secret.length - shown.length)))}`;
}

/** Replace every occurrence of each secret in `text` with its redacted form. */
export function redactIn(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(redactSecret(secret));
  }
  return out;
}
