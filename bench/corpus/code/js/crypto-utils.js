// Crypto helpers used by the account service.
const crypto = require('crypto');

const KEY = crypto.scryptSync(process.env.APP_SECRET || 'dev', 'static-salt', 32);

function hashPassword(password, salt) {
  // bulwark-expect: weak-password-hash
  return crypto
    .createHash('sha1')
    .update(salt + password)
    .digest('hex');
}

function legacyHash(password) {
  // bulwark-expect: weak-password-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

function hashPasswordSafely(password) {
  const salt = crypto.randomBytes(16);
  // bulwark-ok: weak-password-hash
  const derived = crypto.scryptSync(password, salt, 64);
  return `${salt.toString('hex')}:${derived.toString('hex')}`;
}

function etag(body) {
  // bulwark-ok: weak-password-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

function checksum(file) {
  // bulwark-ok: weak-password-hash
  return crypto.createHash('sha256').update(file).digest('base64');
}

function encryptLegacy(text) {
  // bulwark-expect: static-iv
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, Buffer.alloc(16, 0));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptEcb(text) {
  // bulwark-expect: ecb-mode
  const cipher = crypto.createCipheriv('aes-256-ecb', KEY, null);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptDes(text, key) {
  // bulwark-expect: weak-cipher
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptOld(text, password) {
  // bulwark-expect: deprecated-create-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encrypt(text) {
  const iv = crypto.randomBytes(12);
  // bulwark-ok: static-iv
  const cipher = crypto.createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function decrypt(blob) {
  const raw = Buffer.from(blob, 'base64');
  // bulwark-ok: static-iv
  const decipher = crypto.createDecipheriv('aes-256-gcm', KEY, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

function createResetToken() {
  // bulwark-expect: insecure-random-token
  return Math.random().toString(36).substring(2, 15);
}

function createApiKey() {
  // bulwark-ok: insecure-random-token
  return crypto.randomBytes(32).toString('hex');
}

function retryDelay(attempt) {
  // bulwark-ok: insecure-random-token
  return 2 ** attempt * 100 + Math.floor(Math.random() * 100);
}

function sampleRate() {
  // bulwark-ok: insecure-random-token
  return Math.random() < 0.1;
}

function legacySalt() {
  // bulwark-expect: pseudo-random-bytes
  return crypto.pseudoRandomBytes(16).toString('hex');
}

function verifySignature(payload, signature) {
  const expected = crypto.createHmac('sha256', KEY).update(payload).digest('hex');
  // bulwark-expect: timing-unsafe-compare
  if (signature === expected) return true;
  return false;
}

function verifySignatureSafely(payload, signature) {
  const expected = crypto.createHmac('sha256', KEY).update(payload).digest();
  const given = Buffer.from(String(signature), 'hex');
  // bulwark-ok: timing-unsafe-compare
  if (given.length !== expected.length) return false;
  // bulwark-ok: timing-unsafe-compare
  return crypto.timingSafeEqual(given, expected);
}

function isSamePassword(user, password) {
  // bulwark-ok: timing-unsafe-compare
  if (password === undefined || password === null) return false;
  return crypto.timingSafeEqual(
    Buffer.from(user.passwordHash),
    Buffer.from(hashPasswordSafely(password)),
  );
}

module.exports = {
  hashPassword,
  legacyHash,
  hashPasswordSafely,
  etag,
  checksum,
  encryptLegacy,
  encryptEcb,
  encryptDes,
  encryptOld,
  encrypt,
  decrypt,
  createResetToken,
  createApiKey,
  retryDelay,
  sampleRate,
  legacySalt,
  verifySignature,
  verifySignatureSafely,
  isSamePassword,
};
