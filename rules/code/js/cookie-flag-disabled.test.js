// Samples for code/js/cookie-flag-disabled.
app.use(session({
  secret: process.env.SESSION_SECRET,
  // bulwark-expect: cookie-flag-disabled
  cookie: { secure: false, maxAge: 600000 },
}));
// bulwark-expect: cookie-flag-disabled
res.cookie('sid', id, { httpOnly: false, secure: true, sameSite: 'strict' });
// bulwark-ok: cookie-flag-disabled (the safe variant)
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));
// bulwark-ok: cookie-flag-disabled (a `secure` option of something that is not a cookie)
const transport = nodemailer.createTransport({ host: 'smtp.example.com', secure: false });
