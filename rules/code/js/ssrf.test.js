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
const ALLOWED_URLS = ['https://api.example.com/status', 'https://api.example.com/health'];
const ALLOWED_HOSTS = ['api.example.com'];
app.get('/exact', async (req, res) => {
  const url = req.query.url;
  if (!ALLOWED_URLS.includes(url)) return res.sendStatus(400);
  // bulwark-ok: ssrf (the whole URL is on an allow-list; the handler returns when it is not)
  res.json((await axios.get(url)).data);
});
app.get('/exact-throw', async (req, res) => {
  const url = req.body.url;
  if (!ALLOWED_URLS.includes(url)) {
    throw new Error('url not allowed');
  }
  // bulwark-ok: ssrf (the handler throws when the URL is not on the allow-list)
  await fetch(url);
  res.end();
});
app.get('/prefix', async (req, res) => {
  const url = String(req.query.url);
  if (!url.startsWith('https://api.example.com/')) return res.sendStatus(403);
  // bulwark-ok: ssrf (a fixed origin, its host ended by the slash)
  res.send((await axios.get(url)).data);
});
app.get('/prefix-open', async (req, res) => {
  const url = String(req.query.url);
  if (!url.startsWith('https://api.example.com')) return res.sendStatus(403);
  // bulwark-expect: ssrf (https://api.example.com.evil.test passes a prefix without the slash)
  res.send((await axios.get(url)).data);
});
app.get('/exact-no-return', async (req, res) => {
  const url = req.query.url;
  if (!ALLOWED_URLS.includes(url)) console.warn('unknown url', url);
  // bulwark-expect: ssrf (the check only logs; the request is still made)
  await axios.get(url);
  res.end();
});
app.get('/exact-other', async (req, res) => {
  const url = req.query.url;
  if (!ALLOWED_URLS.includes(req.query.fallback)) return res.sendStatus(400);
  // bulwark-expect: ssrf (the allow-list checked another value)
  await axios.get(url);
  res.end();
});
app.get('/href', async (req, res) => {
  const u = new URL(req.query.url);
  if (!ALLOWED_HOSTS.includes(u.hostname)) return res.sendStatus(400);
  // bulwark-ok: ssrf (the text of a parsed URL whose host is on an allow-list)
  res.json((await axios.get(u.href)).data);
});
app.get('/to-string', async (req, res) => {
  const u = new URL(req.query.url);
  if (u.protocol !== 'https:' || u.hostname !== 'api.example.com') return res.sendStatus(400);
  // bulwark-ok: ssrf (the parsed URL's protocol and host are checked first)
  res.json((await axios.get(u.toString())).data);
});
app.get('/href-other', async (req, res) => {
  const u = new URL(req.query.url);
  const v = new URL(req.query.next);
  if (!ALLOWED_HOSTS.includes(u.hostname)) return res.sendStatus(400);
  // bulwark-expect: ssrf (the host of another URL was checked)
  res.json((await axios.get(v.href)).data);
});
