// Samples for code/js/regexp-injection.
app.get('/search', (req, res) => {
  // bulwark-expect: regexp-injection
  const re = new RegExp(req.query.q, 'i');
  const word = req.query.word;
  // bulwark-expect: regexp-injection
  const whole = RegExp(`\\b${word}\\b`);
  // bulwark-ok: regexp-injection (the safe variant: the input is escaped first)
  const safe = new RegExp(escapeRegExp(req.query.q), 'i');
  // bulwark-ok: regexp-injection (a fixed pattern)
  const fixed = new RegExp('^[a-z]+$');
  res.json([re, whole, safe, fixed].map(String));
});
