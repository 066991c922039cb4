// Samples for code/js/timing-unsafe-compare.
function checkWebhook(req, secret) {
  const signature = sign(req.rawBody, secret);
  // bulwark-expect: timing-unsafe-compare
  if (req.headers['x-signature'] !== signature) throw new Error('bad signature');
  // bulwark-expect: timing-unsafe-compare
  if (apiKey === req.query.apiKey) return true;
  // bulwark-ok: timing-unsafe-compare (a presence check, not a comparison of secrets)
  if (token === undefined) return false;
  // bulwark-ok: timing-unsafe-compare (the safe variant: constant-time comparison)
  if (crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(req.headers['x-signature']))) return true;
  return false;
}
