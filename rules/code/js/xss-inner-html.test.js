// Samples for code/js/xss-inner-html.
function show(comment, box) {
  // bulwark-expect: xss-inner-html
  box.innerHTML = '<p>' + comment.body + '</p>';
  // bulwark-expect: xss-inner-html
  document.getElementById('title').outerHTML = `<h1>${location.hash.slice(1)}</h1>`;
  // bulwark-ok: xss-inner-html (the safe variant: text, not markup)
  box.textContent = comment.body;
  // bulwark-ok: xss-inner-html (sanitised before it is parsed)
  box.innerHTML = DOMPurify.sanitize(comment.html);
  // bulwark-ok: xss-inner-html (a fixed string)
  box.innerHTML = '';
}
const ICON = '<svg></svg>';
function badge(el, user) {
  const x = 'abc';
  // bulwark-ok: xss-inner-html (built only from a name bound to a literal)
  el.innerHTML = `<span>${x}</span>`;
  // bulwark-ok: xss-inner-html (an UPPER_CASE constant)
  el.innerHTML = ICON + '<b>new</b>';
  // bulwark-expect: xss-inner-html
  el.innerHTML = `<span>${x}</span><b>${user.name}</b>`;
}
