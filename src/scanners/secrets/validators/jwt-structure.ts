/**
 * True when `token` is a JSON Web Token whose header is a JSON object naming an `alg` and
 * whose payload is a JSON object (RFC 7519 section 7.2, steps 1 to 10). This rejects random
 * text of the JWT shape; it does not check the signature, which needs the issuer's key.
 */
export function isStructuredJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const header = decodeJsonObject(parts[0]);
  const payload = decodeJsonObject(parts[1]);
  return header !== undefined && typeof header.alg === 'string' && payload !== undefined;
}

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
