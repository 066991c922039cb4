// Samples for code/js/static-iv.
const crypto = require('crypto');
function seal(key, text) {
  // bulwark-expect: static-iv
  const a = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0));
  // bulwark-expect: static-iv
  const b = crypto.createCipheriv('aes-256-gcm', key, Buffer.from('0123456789ab'));
  const iv = crypto.randomBytes(12);
  // bulwark-ok: static-iv (the safe variant: a random IV per message)
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  // bulwark-ok: static-iv (random bytes created inline)
  const d = crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));
  return [a, b, c, d, text];
}
