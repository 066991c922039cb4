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
function checkApiKey(req, res, next) {
  // bulwark-expect: timing-unsafe-compare (the secret is on the right)
  if (req.headers['x-api-key'] === process.env.API_KEY) return next();
  // bulwark-expect: timing-unsafe-compare
  if (process.env.API_KEY !== req.headers['x-api-key']) return res.status(401).end();
  return next();
}
function scan(token, tokenStart, node) {
  // bulwark-ok: timing-unsafe-compare (a tokenizer's token kind, not a secret)
  if (token.kind === node.kind) return true;
  // bulwark-ok: timing-unsafe-compare (a position, not a secret)
  if (tokenStart.line !== node.line) return false;
  // bulwark-ok: timing-unsafe-compare (an enum member, not a secret)
  if (token === SyntaxKind.EndOfFile) return false;
  return false;
}
