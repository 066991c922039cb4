// Samples for code/js/ssrf.
app.get('/preview', async (req, res) => {
  const target = req.query.url;
  // bulwark-expect: ssrf
  const page = await fetch(target);
  // bulwark-expect: ssrf
  const { data } = await axios.get(`${req.body.host}/api/status`);
  // bulwark-ok: ssrf (a fixed URL)
  const health = await fetch('https://status.example.com/health');
  // bulwark-ok: ssrf (the user only picks a path segment on a fixed host)
  const item = await fetch(`https://api.example.com/items/${encodeURIComponent(req.query.id)}`);
  res.json({ page, data, health, item });
});
const ALLOWED = new Set(['api.example.com']);
app.get('/proxy', async (req, res) => {
  const u = new URL(req.query.url);
  if (u.protocol !== 'https:' || !ALLOWED.has(u.hostname)) return res.status(400).end();
  // bulwark-ok: ssrf (the safe variant: the parsed URL's host is on an allow-list)
  const r = await fetch(u);
  res.send(await r.text());
});
app.get('/proxy2', async (req, res) => {
  const target = new URL(req.body.url);
  if (target.origin === 'https://api.example.com') {
    // bulwark-ok: ssrf (inside a check of the parsed URL's origin)
    await axios.get(target);
  }
  const other = new URL(req.body.callback);
  // bulwark-expect: ssrf (the check was on another URL)
  await axios.post(other);
  res.end();
});
app.get('/users', async (req, res) => {
  // bulwark-ok: ssrf (the host is fixed by a literal prefix; only the path varies)
  const r = await fetch('https://api.example.com/users/' + req.query.id);
  const path = `http://localhost:8080/v1/${req.query.path}`;
  // bulwark-ok: ssrf (a fixed host with the user's value after its "/")
  const s = await got(path);
  // bulwark-expect: ssrf (no "/" after the host: ".evil.example" makes another host)
  const t = await fetch('https://api.example.com' + req.query.path);
  // bulwark-expect: ssrf (the user picks the host)
  const v = await fetch(`https://${req.query.host}/status`);
  res.json({ r, s, t, v });
});
app.get('/callback', (req, res) => {
  const url = req.get('X-Callback');
  // bulwark-expect: ssrf
  require('http').get(url);
  // bulwark-expect: ssrf
  http.get(req.get('X-Callback'));
  res.end();
});
