// Samples for code/js/xss-insert-adjacent-html.
function append(list, item) {
  // bulwark-expect: xss-insert-adjacent-html
  list.insertAdjacentHTML('beforeend', '<li>' + item.name + '</li>');
  // bulwark-expect: xss-insert-adjacent-html
  list.insertAdjacentHTML('afterbegin', `<b>${item.label}</b>`);
  // bulwark-ok: xss-insert-adjacent-html (the safe variant: text, not markup)
  list.insertAdjacentText('beforeend', item.name);
  // bulwark-ok: xss-insert-adjacent-html (a fixed string)
  list.insertAdjacentHTML('beforeend', '<li class="sep"></li>');
}
