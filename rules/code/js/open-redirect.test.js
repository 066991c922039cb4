// Samples for code/js/open-redirect.
app.get('/login/done', (req, res) => {
  const next = req.query.next;
  // bulwark-expect: open-redirect
  res.redirect(next);
});
app.get('/out', (req, res) => {
  // bulwark-expect: open-redirect
  res.redirect(302, req.query.to);
  // bulwark-ok: open-redirect (the user value is only a query parameter on a fixed path)
  res.redirect('/search?q=' + encodeURIComponent(req.query.q));
  // bulwark-ok: open-redirect (a fixed target)
  res.redirect('/home');
});
