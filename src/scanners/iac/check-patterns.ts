/** Patterns several infrastructure frameworks share: piped installers and literal secrets. */

/**
 * A download piped straight into an interpreter: `curl ... | sh`, `wget -O- ... | sudo bash`,
 * `bash <(curl ...)`, `sh -c "$(curl ...)"`.
 */
const PIPE_TO_SHELL =
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b|\b(?:ba|z)?sh\s+(?:-c\s+)?["']?(?:<\(|\$\()\s*(?:curl|wget)\b/;

/** True when a shell line pipes a download into a shell. */
export function pipesDownloadToShell(line: string): boolean {
  return PIPE_TO_SHELL.test(line);
}

const SECRET_NAME =
  /(?:^|[_.-])(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|client[_-]?secret|credentials?|auth[_-]?key)(?:$|[_.-])/i;

const NOT_SECRET_NAME =
  /(?:^|[_.-])(?:file|path|dir|url|uri|endpoint|name|user(?:name)?|id|length|len|type|ttl|expiry|header|env|mode)$/i;

/** True when a variable name reads like it holds a credential (`DB_PASSWORD`, `API_KEY`). */
export function looksLikeSecretName(name: string): boolean {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  return SECRET_NAME.test(spaced) && !NOT_SECRET_NAME.test(spaced);
}

const PLACEHOLDER =
  /^(?:|changeme|change-me|example|placeholder|dummy|test|none|null|false|true|xxx+|\*+|<[^>]*>|\$\{?[A-Za-z_][\w]*\}?|\$\([^)]*\)|\$\{\{.*\}\})$/i;

/**
 * True when a value is a literal credential rather than empty, a placeholder, or a reference
 * to a variable, a CI secret or a command substitution.
 */
export function isLiteralSecret(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 6) return false;
  if (PLACEHOLDER.test(trimmed)) return false;
  if (/\$\{\{\s*secrets\./.test(trimmed) || /^\$[A-Za-z_{(]/.test(trimmed)) return false;
  return true;
}

/** The tag of an image reference (undefined when absent) and whether it carries a digest. */
export function imageParts(image: string): { name: string; tag?: string; digest: boolean } {
  const [name, digest] = image.split('@');
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  return {
    name: colon >= 0 ? name.slice(0, colon) : name,
    tag: colon >= 0 ? name.slice(colon + 1) : undefined,
    digest: digest !== undefined,
  };
}
