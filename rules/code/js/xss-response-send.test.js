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
app.get('/users/:id', (req, res) => {
  // bulwark-expect: xss-response-send (a status set first: the body is still HTML)
  res.status(200).send(req.query.q);
  // bulwark-expect: xss-response-send
  res.status(404).send(`User ${req.params.id} not found`);
  // bulwark-ok: xss-response-send (the safe variant: escaped before it is sent)
  res.status(404).send(`User ${escapeHtml(req.params.id)} not found`);
  // bulwark-ok: xss-response-send (sent as plain text, which a browser does not render)
  res.type('text/plain').send(req.query.q);
  // bulwark-ok: xss-response-send (an object is sent as JSON)
  res.status(200).send({ id: req.params.id });
});
