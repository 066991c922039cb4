// Outgoing integrations: webhooks, previews and callbacks.
const axios = require('axios');
const fetch = require('node-fetch');
const https = require('https');

const WEBHOOK_HOSTS = new Set(['hooks.slack.com', 'hooks.example.com']);

function register(app) {
  app.post('/webhooks/test', async (req, res) => {
    const { url } = req.body;
    // bulwark-expect: ssrf
    const reply = await axios.post(url, { ping: true });
    res.json({ status: reply.status });
  });

  app.get('/preview', async (req, res) => {
    // bulwark-expect: ssrf
    const page = await fetch(req.query.target);
    const html = await page.text();
    res.type('text/plain').send(html.slice(0, 500));
  });

  app.get('/avatar', (req, res) => {
    const host = req.query.host;
    // bulwark-expect: ssrf
    https.get(`https://${host}/avatar.png`, (upstream) => upstream.pipe(res));
  });

  app.post('/webhooks/safe', async (req, res) => {
    const parsed = new URL(req.body.url);
    if (parsed.protocol !== 'https:' || !WEBHOOK_HOSTS.has(parsed.hostname))
      return res.sendStatus(400);
    // bulwark-ok: ssrf
    const reply = await axios.post('https://hooks.example.com/relay', { target: parsed.href });
    return res.json({ status: reply.status });
  });

  app.get('/status', async (req, res) => {
    // bulwark-ok: ssrf
    const upstream = await fetch('https://status.example.com/api/v2/status.json');
    // bulwark-ok: ssrf
    const item = await axios.get(
      `https://api.example.com/items/${encodeURIComponent(req.query.id)}`,
    );
    res.json({ up: upstream.ok, item: item.data });
  });

  app.get('/login/callback', (req, res) => {
    const returnTo = req.query.returnTo;
    // bulwark-expect: open-redirect
    res.redirect(returnTo);
  });

  app.get('/go', (req, res) => {
    // bulwark-expect: open-redirect
    res.redirect(301, req.query.url);
  });

  app.get('/login/callback-safe', (req, res) => {
    const returnTo = String(req.query.returnTo || '/');
    const local = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
    // bulwark-ok: open-redirect
    res.redirect('/account');
    // bulwark-ok: open-redirect
    res.redirect(`/search?q=${encodeURIComponent(req.query.q)}`);
    return local;
  });
}

module.exports = { register };
