// Samples for code/js/insecure-random-token.
function createResetToken() {
  // bulwark-expect: insecure-random-token
  return Math.random().toString(36).slice(2);
}
// bulwark-expect: insecure-random-token
const sessionId = Math.floor(Math.random() * 1e16).toString(16);
// bulwark-ok: insecure-random-token (a random delay is not a secret)
const jitter = Math.random() * 100;
// bulwark-ok: insecure-random-token (the safe variant: a cryptographic generator)
const apiToken = crypto.randomBytes(32).toString('hex');
