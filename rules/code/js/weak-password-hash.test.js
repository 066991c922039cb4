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
const md5 = require('md5');
const sha1 = require('sha1');
function register(req, salt, pw, password) {
  // bulwark-expect: weak-password-hash (the sha1 package)
  const a = sha1(req.body.pass);
  // bulwark-expect: weak-password-hash
  const b = sha1(salt + pw);
  // bulwark-expect: weak-password-hash (the md5 package)
  const c = md5(password);
  // bulwark-ok: weak-password-hash (a checksum of file contents, not a password)
  const d = md5(req.file.buffer);
  // bulwark-ok: weak-password-hash (the safe variant: a slow, salted function)
  const e = crypto.scryptSync(password, salt, 64);
  // bulwark-ok: weak-password-hash (a word that only contains "pass")
  const f = sha1(passengerId);
  return [a, b, c, d, e, f];
}
