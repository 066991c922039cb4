// Samples for code/js/ecb-mode.
const crypto = require('crypto');
function seal(key, iv) {
  // bulwark-expect: ecb-mode
  const a = crypto.createCipheriv('aes-128-ecb', key, null);
  // bulwark-expect: ecb-mode
  const b = crypto.createDecipheriv('AES-256-ECB', key, null);
  // bulwark-ok: ecb-mode (the safe variant: GCM with an IV)
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  // bulwark-ok: ecb-mode (CTR mode with an IV)
  const d = crypto.createCipheriv('aes-256-ctr', key, iv);
  return [a, b, c, d];
}
