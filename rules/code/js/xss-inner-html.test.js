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
