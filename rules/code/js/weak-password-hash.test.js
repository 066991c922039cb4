// Samples for code/js/weak-password-hash.
const crypto = require('crypto');
function store(user, password) {
  // bulwark-expect: weak-password-hash
  user.hash = crypto.createHash('md5').update(password).digest('hex');
  // bulwark-expect: weak-password-hash
  user.check = crypto.createHash('sha256').update(user.salt + password, 'utf8').digest('hex');
  // bulwark-ok: weak-password-hash (hashing a file for a cache key is fine)
  user.etag = crypto.createHash('md5').update(user.avatar).digest('hex');
  // bulwark-ok: weak-password-hash (the safe variant: a slow, salted function)
  user.key = crypto.scryptSync(password, user.salt, 64);
}
