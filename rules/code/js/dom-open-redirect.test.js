// Samples for code/js/dom-open-redirect.
function afterLogin() {
  const target = decodeURIComponent(location.hash.slice(1));
  // bulwark-expect: dom-open-redirect
  window.location.href = target;
}
function back() {
  // bulwark-expect: dom-open-redirect
  location.assign(new URLSearchParams(location.search).get('return'));
}
function home(section) {
  // bulwark-ok: dom-open-redirect (a fixed path)
  window.location.href = '/home';
  // bulwark-ok: dom-open-redirect (the value is only a query parameter on a fixed path)
  location.assign('/search?q=' + encodeURIComponent(location.hash.slice(1)));
  return section;
}
function afterSignIn() {
  const next = new URLSearchParams(location.search).get('next');
  // bulwark-expect: dom-open-redirect ("/\evil.example" passes this check and the browser reads it as "//evil.example")
  if (next && next.startsWith('/') && !next.startsWith('//')) location.href = next;
}
function afterSignIn2() {
  const next = new URLSearchParams(location.search).get('next');
  // bulwark-ok: dom-open-redirect (the safe variant: a path on this site, with "//" and backslashes refused)
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) location.href = next;
}
const TARGETS = ['/home', '/settings'];
function afterSignIn3() {
  const next = new URLSearchParams(location.search).get('next');
  if (!TARGETS.includes(next)) return;
  // bulwark-ok: dom-open-redirect (only targets on an allow-list get here)
  location.assign(next);
}
