// Samples for code/js/jwt-decode-without-verify: a file that verifies tokens in another function.
import jwt from 'jsonwebtoken';

export function authenticate(token: string, key: string): jwt.JwtPayload | string {
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}

export function tokenExpiry(token: string): number | undefined {
  // bulwark-ok: jwt-decode-without-verify (this file verifies tokens with jwt.verify before trusting them)
  const claims = jwt.decode(token) as jwt.JwtPayload | null;
  return claims?.exp;
}

export function keyId(token: string): string | undefined {
  // bulwark-ok: jwt-decode-without-verify (reads the header to pick the key that jwt.verify then checks)
  return jwt.decode(token, { complete: true })?.header.kid;
}
