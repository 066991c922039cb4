// Samples for code/js/cors-reflected-origin.
app.use((req, res, next) => {
  // bulwark-expect: cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  // bulwark-expect: cors-reflected-origin
  res.header('Access-Control-Allow-Origin', req.get('origin'));
  // bulwark-ok: cors-reflected-origin (a fixed origin)
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  const allowed = ALLOWED.has(req.headers.origin) ? req.headers.origin : 'null';
  // bulwark-ok: cors-reflected-origin (the safe variant: checked against an allow-list first)
  res.setHeader('Access-Control-Allow-Origin', allowed);
  next();
});
