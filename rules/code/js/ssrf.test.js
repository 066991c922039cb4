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
