// Samples for code/js/jwt-verify-no-algorithms.
const jwt = require('jsonwebtoken');
function auth(token, publicKey) {
  // bulwark-expect: jwt-verify-no-algorithms
  const a = jwt.verify(token, publicKey);
  // bulwark-expect: jwt-verify-no-algorithms
  const b = jwt.verify(token, publicKey, { audience: 'api' });
  // bulwark-ok: jwt-verify-no-algorithms (the safe variant: algorithms pinned)
  const c = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
  // bulwark-ok: jwt-verify-no-algorithms (pinned together with other options)
  const d = jwt.verify(token, publicKey, { algorithms: ['ES256'], audience: 'api' });
  return [a, b, c, d];
}
