// Samples for code/js/deprecated-create-cipher.
const crypto = require('crypto');
function encrypt(text, password) {
  // bulwark-expect: deprecated-create-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  // bulwark-expect: deprecated-create-cipher
  const decipher = crypto.createDecipher('aes-256-cbc', password);
  const key = crypto.scryptSync(password, crypto.randomBytes(16), 32);
  // bulwark-ok: deprecated-create-cipher (the safe variant: a derived key and a random IV)
  const good = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  // bulwark-ok: deprecated-create-cipher (createCipheriv takes an explicit IV)
  const other = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));
  return [cipher, decipher, good, other, text];
}
