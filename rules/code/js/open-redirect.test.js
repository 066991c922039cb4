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
app.get('/items', (req, res) => {
  // bulwark-ok: open-redirect (a fixed path segment in front keeps the target on this site)
  res.redirect(`/items/${req.body.id}`);
  // bulwark-ok: open-redirect (a fixed path segment in front keeps the target on this site)
  res.redirect(301, '/new/' + req.params.slug);
  // bulwark-expect: open-redirect (a bare "/" in front: "/" + "/evil.example" is another site)
  res.redirect('/' + req.query.path);
  // bulwark-expect: open-redirect
  res.redirect(`/${req.query.path}`);
  // bulwark-expect: open-redirect
  res.set('Location', req.query.u);
  // bulwark-expect: open-redirect
  res.setHeader('Location', req.query.u);
  // bulwark-ok: open-redirect (another header)
  res.set('X-Source', req.query.u);
});
app.get('/checked', (req, res) => {
  const next = req.query.next;
  // bulwark-ok: open-redirect (inside a check against an allow-list)
  if (allowed.includes(next)) return res.redirect(next);
  if (!ALLOWED_TARGETS.has(next)) return res.status(400).end();
  // bulwark-ok: open-redirect (after an early return for values not on the allow-list)
  res.redirect(next);
});
// A Next.js App Router route handler.
export async function GET(request) {
  // bulwark-ok: open-redirect (a fixed path resolved against this site's own URL)
  if (!request.cookies.get('sid')) return NextResponse.redirect(new URL('/login', request.url));
  // bulwark-expect: open-redirect
  return NextResponse.redirect(request.nextUrl.searchParams.get('next'));
}
app.get('/after-login', (req, res) => {
  const next = req.query.next;
  // bulwark-ok: open-redirect (the safe variant: a path on this site; Express percent-encodes "/\")
  if (next.startsWith('/') && !next.startsWith('//')) res.redirect(next);
  // bulwark-ok: open-redirect (inside the same check, written with typeof first)
  if (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//')) return res.redirect(next);
  res.redirect('/');
});
app.get('/after-login1', (req, res) => {
  const next = req.query.next;
  // bulwark-expect: open-redirect (only "/" is checked: "//evil.example" passes)
  if (next.startsWith('/')) res.redirect(next);
  res.redirect('/');
});
app.get('/after-login2', (req, res) => {
  const next = String(req.query.next || '/');
  if (!next.startsWith('/') || next.startsWith('//')) return res.redirect('/');
  // bulwark-ok: open-redirect (after an early return for values that are not a path on this site)
  res.redirect(next);
});
app.get('/after-login3', (req, res) => {
  const next = req.query.next;
  // bulwark-expect: open-redirect (a raw Location header: "/\evil.example" passes this check and browsers read it as "//evil.example")
  if (next.startsWith('/') && !next.startsWith('//')) res.setHeader('Location', next);
  // bulwark-ok: open-redirect (the check also refuses a backslash)
  if (next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) res.setHeader('Location', next);
  res.end();
});
