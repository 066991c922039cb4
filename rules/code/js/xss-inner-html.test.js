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
function list(el, items, name) {
  // bulwark-ok: xss-inner-html (every item is escaped before it is joined into markup)
  el.innerHTML = items.map((i) => `<li>${escapeHtml(i.name)}</li>`).join('');
  // bulwark-ok: xss-inner-html (a number)
  el.innerHTML = String(items.length);
  // bulwark-ok: xss-inner-html (a number in fixed text)
  el.innerHTML = `${items.length} items`;
  // bulwark-expect: xss-inner-html (the items are joined into markup unescaped)
  el.innerHTML = items.map((i) => `<li>${i.name}</li>`).join('');
  // bulwark-expect: xss-inner-html (one part escaped, another not)
  el.innerHTML = `<b>${escapeHtml(name)}</b> ${items[0].label}`;
  // bulwark-expect: xss-inner-html
  el.innerHTML = String(name);
}
