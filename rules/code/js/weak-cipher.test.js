// Samples for code/js/weak-cipher.
const crypto = require('crypto');
function seal(key, iv, text) {
  // bulwark-expect: weak-cipher
  const a = crypto.createCipheriv('des-ede3-cbc', key, iv);
  // bulwark-expect: weak-cipher
  const b = crypto.createCipheriv('rc4', key, null);
  // bulwark-ok: weak-cipher (the safe variant: an authenticated modern cipher)
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  // bulwark-ok: weak-cipher (AES in CBC mode is not a weak cipher)
  const d = crypto.createCipheriv('aes-256-cbc', key, iv);
  return [a, b, c, d, text];
}
