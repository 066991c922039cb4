// Samples for code/js/jwt-none-algorithm.
const jwt = require('jsonwebtoken');
// bulwark-expect: jwt-none-algorithm
const token = jwt.sign(claims, '', { algorithm: 'none' });
// bulwark-expect: jwt-none-algorithm
const claimsOut = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
// bulwark-ok: jwt-none-algorithm (the safe variant: a real algorithm)
const signed = jwt.sign(claims, key, { algorithm: 'RS256' });
// bulwark-ok: jwt-none-algorithm (only real algorithms accepted)
const checked = jwt.verify(token, key, { algorithms: ['RS256'] });
