// Samples for code/js/unsafe-regex-literal.
function check(email, name) {
  // bulwark-expect: unsafe-regex-literal
  const a = /^([a-zA-Z0-9]+)*@example\.com$/.test(email);
  // bulwark-expect: unsafe-regex-literal
  const b = /^(\w+\s?)+$/.test(name);
  // bulwark-ok: unsafe-regex-literal (the safe variant: no repetition inside a repetition)
  const c = /^[a-zA-Z0-9]+@example\.com$/.test(email);
  // bulwark-ok: unsafe-regex-literal (a repeated group without an inner quantifier)
  const d = /^(ab)+$/.test(name);
  return a && b && c && d;
}
