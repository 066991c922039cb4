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

/** A run that may be a credential: 20 or more letters, digits, `_`, `-`, `+` or `=`. */
const TOKEN_RUN = /[A-Za-z0-9_+=-]{20,}/g;

/**
 * Text with every run that looks like a credential cut to its first characters: a run of 20 or
 * more word characters holding both letters and digits, unless it is hexadecimal (a commit id
 * or a digest) or made of short words joined by `-` or `_` (a file name such as
 * `bulwark-proxy-store-SD16wK`): a credential has a part of 12 or more characters mixing letters
 * and digits. For messages that echo user input (a bulwark.yaml key, a command-line value),
 * where a pasted secret would otherwise be printed whole.
 */
export function maskTokens(text: string): string {
  return text.replace(TOKEN_RUN, (run) =>
    !/^[0-9a-fA-F]+$/.test(run) && run.split(/[-_]/).some(credentialPart) ? redactSecret(run) : run,
  );
}

/** A part of a run that may be (a piece of) a credential: long, with letters and digits. */
function credentialPart(part: string): boolean {
  return part.length >= 12 && /[A-Za-z]/.test(part) && /[0-9]/.test(part);
}
