// Samples for code/js/jwt-hardcoded-secret.
const jwt = require('jsonwebtoken');
// bulwark-expect: jwt-hardcoded-secret
const token = jwt.sign({ sub: user.id }, 'my-super-secret-key');
// bulwark-expect: jwt-hardcoded-secret
const claims = jwt.verify(token, "s3cr3t-value", { algorithms: ['HS256'] });
// bulwark-ok: jwt-hardcoded-secret (the safe variant: the secret comes from the environment)
const signed = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256' });
// bulwark-ok: jwt-hardcoded-secret (a key loaded from a file)
const checked = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
