// Samples for code/js/cookie-missing-flags.
app.post('/login', (req, res) => {
  // bulwark-expect: cookie-missing-flags
  res.cookie('session', token);
  // bulwark-expect: cookie-missing-flags
  res.cookie('auth_token', token, { maxAge: 3600000 });
  // bulwark-ok: cookie-missing-flags (the safe variant: all three flags)
  res.cookie('sid', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  // bulwark-ok: cookie-missing-flags (a preference cookie holds nothing secret)
  res.cookie('theme', 'dark');
  res.end();
});
// bulwark-ok: cookie-missing-flags (reported once, by cookie-flag-disabled)
// bulwark-expect: cookie-flag-disabled
res.cookie('sid', id, { httpOnly: false, secure: true, sameSite: 'strict' });
