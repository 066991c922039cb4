// Samples for code/js/jwt-decode-without-verify.
const jwt = require('jsonwebtoken');
function currentUser(req) {
  // bulwark-expect: jwt-decode-without-verify
  const claims = jwt.decode(req.headers.authorization.slice(7));
  return claims.sub;
}
function isAdmin(token) {
  // bulwark-expect: jwt-decode-without-verify
  return jwt.decode(token, { complete: true }).payload.role === 'admin';
}
// bulwark-ok: jwt-decode-without-verify (decoding base64 JSON is unrelated to JWT)
const data = JSON.parse(Buffer.from(segment, 'base64').toString());
// bulwark-ok: jwt-decode-without-verify (the safe variant: verify and read the claims it returns)
const verified = jwtLib.verify(token, key, { algorithms: ['RS256'] });
