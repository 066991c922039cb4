/**
 * Placeholder and non-secret detection. A match whose secret is a placeholder (documentation
 * sample, template variable, environment lookup, masked or patterned text) or a hash that
 * only identifies content (lockfile integrity, SRI, git object id) is not a finding.
 */

/** Whole-secret values that documentation uses instead of a real credential. */
const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'changeme',
  'change_me',
  'example',
  'sample',
  'dummy',
  'redacted',
  'placeholder',
  'foo',
  'bar',
  'foobar',
  'test',
  'user',
  'username',
  'null',
  'undefined',
  'none',
]);

/** Fragments that mark a documentation sample anywhere in the secret. */
const PLACEHOLDER_FRAGMENT =
  /example|placeholder|x{4}|\*{3}|\.{3}|…|your[-_]?(?:own[-_]?)?(?:api|access|secret|token|key|pass|password)|changeme|redacted|dummy|replace[-_]?me|insert[-_]?(?:your|here)/i;

/** Well-known sample credentials from public documentation, matched anywhere in the secret. */
const KNOWN_SAMPLES = [
  // The HS256 signature of the sample token shown on jwt.io and in many tutorials.
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
];

/** References to a value held elsewhere: templates, shell and environment lookups. */
const REFERENCE =
  /^\$[A-Za-z_{(]|\$\{|\{\{|\}\}|<[^>]{1,60}>|%\([\w.]+\)s|%[A-Z_]{2,}%|process\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|ENV\[|env\(|import\.meta\.env|secrets\.[A-Z_]/;

/** Minimum run of consecutive code points that marks a made-up sequential value. */
const SEQUENCE_RUN = 6;

/** Why `secret` is a placeholder, or undefined when it may be real. */
export function placeholderReason(secret: string): string | undefined {
  if (PLACEHOLDER_WORDS.has(secret.toLowerCase())) return 'a placeholder word';
  if (REFERENCE.test(secret)) return 'a reference to a value held elsewhere';
  if (PLACEHOLDER_FRAGMENT.test(secret)) return 'a documentation placeholder';
  if (KNOWN_SAMPLES.some((sample) => secret.includes(sample))) return 'a published sample';
  if (isMostlyOneCharacter(secret)) return 'repeated characters';
  if (hasSequentialRun(secret)) return 'a sequential run of characters';
  return undefined;
}

/** True when one character makes up at least 60% of the value's letters and digits. */
function isMostlyOneCharacter(secret: string): boolean {
  const counts = new Map<string, number>();
  let total = 0;
  for (const ch of secret) {
    if (!/[A-Za-z0-9]/.test(ch)) continue;
    total++;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  if (total < 3) return false;
  return Math.max(...counts.values()) >= total * 0.6;
}

/** True when the value holds `abcdef`, `123456`, `fedcba` or a longer such run. */
function hasSequentialRun(secret: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < secret.length; i++) {
    const step = secret.charCodeAt(i) - secret.charCodeAt(i - 1);
    const alnum = /[A-Za-z0-9]/.test(secret[i]);
    up = step === 1 && alnum ? up + 1 : 1;
    down = step === -1 && alnum ? down + 1 : 1;
    if (up >= SEQUENCE_RUN || down >= SEQUENCE_RUN) return true;
  }
  return false;
}

/** Keys whose values are content hashes or revisions, never credentials. */
const HASH_KEY =
  /["']?(?:integrity|resolved|shasum|sha\d*|checksum|digest|hash|commit|rev|revision|oid|etag|ref)["']?\s*[:=]\s*["']?[^"'\s]*$/i;

/** Git object ids (SHA-1 or SHA-256) and abbreviated ids. */
const HEX_OBJECT_ID = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i;

/**
 * Why a secret is a content hash rather than a credential, judged from the secret and the
 * text on its line before it; undefined when it may be a credential. A credential inside a
 * lockfile's `resolved` URL is still reported: only the hash-shaped part is excused.
 */
export function nonSecretHashReason(secret: string, before: string): string | undefined {
  if (/^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/.test(secret)) return 'an integrity hash';
  if (/sha(?:1|256|384|512)-$/.test(before)) return 'an integrity hash';
  if (/\bintegrity\s*=\s*["']?[^"'\s]*$/i.test(before)) return 'a subresource integrity hash';
  if (/["']?integrity["']?\s*:\s*["']?[^"'\s]*$/i.test(before)) return 'a lockfile integrity hash';
  if (!HEX_OBJECT_ID.test(secret)) return undefined;
  if (/[#@]$|\/(?:commit|tree|blob|archive|tarball)\/$/.test(before)) return 'a git object id';
  if (/\bcommit\s+$/i.test(before) || HASH_KEY.test(before)) return 'a git object id or hash';
  return undefined;
}

/**
 * Why a generic rule's value reads as words rather than random text (`release-candidate-2`,
 * `my_token_value_1`, `DEFAULT_TOKEN_TTL_1H`), or undefined. Only generic rules apply it: provider formats are
 * already specific enough.
 */
export function wordLikeReason(secret: string): string | undefined {
  let wordChars = 0;
  for (const segment of secret.split(/[._\-/+~=]+/)) {
    if (segment.length >= 3 && /^(?:[a-z]+|[A-Z]+)$/.test(segment)) wordChars += segment.length;
  }
  return wordChars * 2 >= secret.length ? 'words rather than random text' : undefined;
}

/** One segment of a code identifier: camelCase, PascalCase, snake_case or CONSTANT_CASE. */
const IDENTIFIER_SEGMENT = [
  /^[_$]?[a-z]+(?:[A-Z][a-z]*)*\d*$/,
  /^[_$]?[A-Z][a-z]+(?:[A-Z][a-z]*)*\d*$/,
  /^[a-z]+\d*(?:_[a-z]+\d*)+$/,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
];

/**
 * Why an unquoted value is code rather than a literal (`token2.isGlobstar`,
 * `exports.TIME_EXPIRATION_1H`, `parseAuthHeader2`), or undefined. Generic rules apply it to
 * values without quotes: in source code those are expressions, not credentials.
 */
export function codeIdentifierReason(secret: string): string | undefined {
  const segments = secret.split('.');
  const camel = segments.length > 1 || /[a-z][A-Z]|_/.test(secret);
  const words = segments.every((s) => IDENTIFIER_SEGMENT.some((shape) => shape.test(s)));
  return camel && words ? 'a code identifier, not a literal' : undefined;
}
