// Samples for code/js/xss-response-send.
app.get('/hello', (req, res) => {
  // bulwark-expect: xss-response-send
  res.send('<h1>Hello ' + req.query.name + '</h1>');
});
app.get('/search', (req, res) => {
  const { q } = req.query;
  // bulwark-expect: xss-response-send
  res.write(`<p>No results for ${q}</p>`);
  // bulwark-ok: xss-response-send (the safe variant: escaped before it is sent)
  res.end(`<p>No results for ${escapeHtml(q)}</p>`);
});
app.get('/static', (req, res) => {
  // bulwark-ok: xss-response-send (nothing from the request)
  res.send('<h1>Hello</h1>');
});
router.get('/koa', async (ctx) => {
  // bulwark-expect: xss-response-send
  ctx.body = `<p>${ctx.query.host}</p>`;
  // bulwark-ok: xss-response-send (an object is sent as JSON)
  ctx.body = { host: ctx.query.host };
});
