// Authentication middleware and session setup.
import type { Express, NextFunction, Request, Response } from 'express';
import cors from 'cors';
import session from 'express-session';
import jwt from 'jsonwebtoken';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY ?? '';

export function requireUser(req: Request, res: Response, next: NextFunction): void {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  try {
    // bulwark-expect: jwt-verify-no-algorithms
    const claims = jwt.verify(token, PUBLIC_KEY);
    res.locals.user = claims;
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function requireUserStrict(req: Request, res: Response, next: NextFunction): void {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  // bulwark-ok: jwt-verify-no-algorithms
  res.locals.user = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], audience: 'orders' });
  next();
}

export function issue(userId: string): string {
  // bulwark-expect: jwt-hardcoded-secret
  return jwt.sign({ sub: userId }, 'orders-service-signing-secret', { expiresIn: '1h' });
}

export function issueSafely(userId: string): string {
  // bulwark-ok: jwt-hardcoded-secret
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, {
    algorithm: 'HS256',
    expiresIn: '1h',
  });
}

export function legacyToken(userId: string): string {
  // bulwark-expect: jwt-none-algorithm
  return jwt.sign({ sub: userId }, '', { algorithm: 'none' });
}

export function configure(app: Express): void {
  // bulwark-expect: cors-origin-true-credentials
  app.use(cors({ origin: true, credentials: true }));
  // bulwark-ok: cors-origin-true-credentials
  app.use('/public', cors({ origin: '*' }));
  // bulwark-ok: cors-origin-true-credentials
  app.use('/api', cors({ origin: ['https://shop.example.com'], credentials: true }));

  app.use((req, res, next) => {
    // bulwark-expect: cors-reflected-origin
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    next();
  });

  app.use(
    session({
      secret: process.env.SESSION_SECRET as string,
      resave: false,
      saveUninitialized: false,
      // bulwark-expect: cookie-flag-disabled
      cookie: { secure: false, httpOnly: true },
    }),
  );

  app.post('/login', (req, res) => {
    const token = issueSafely(req.body.user);
    // bulwark-expect: cookie-missing-flags
    res.cookie('auth_token', token);
    // bulwark-expect: cookie-missing-flags
    res.cookie('refresh_token', token, { maxAge: 86_400_000 });
    // bulwark-ok: cookie-missing-flags
    res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'strict' });
    // bulwark-ok: cookie-missing-flags
    res.cookie('locale', req.body.locale ?? 'en', { maxAge: 31_536_000_000 });
    res.sendStatus(204);
  });

  app.get('/me', (req, res) => {
    const raw = String(req.headers.authorization).slice(7);
    // bulwark-expect: jwt-decode-without-verify
    const claims = jwt.decode(raw) as { sub: string } | null;
    res.json({ id: claims?.sub });
  });
}
