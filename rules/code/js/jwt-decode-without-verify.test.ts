// Samples for code/js/jwt-decode-without-verify: a file that verifies tokens in another function.
import type { Express } from 'express';
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

export function routes(app: Express): void {
  app.get('/me', (req, res) => {
    const raw = String(req.headers.authorization).slice(7);
    // bulwark-expect: jwt-decode-without-verify (a route handler trusts the claims of the request's own token)
    const claims = jwt.decode(raw) as { sub: string } | null;
    res.json({ id: claims?.sub });
  });
  app.get('/profile', requireUser, (req, res) => {
    // bulwark-ok: jwt-decode-without-verify (middleware before the handler verifies the token)
    const claims = jwt.decode(String(req.headers.authorization).slice(7));
    res.json(claims);
  });
  app.get('/session', (req, res) => {
    const token = String(req.cookies.session);
    const claims = jwt.verify(token, process.env.KEY as string, { algorithms: ['RS256'] });
    // bulwark-ok: jwt-decode-without-verify (the handler verifies the token itself)
    const header = jwt.decode(token, { complete: true })?.header;
    res.json({ claims, header });
  });
}
