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
