// Samples for code/js/function-constructor.
function build(expr, field) {
  // bulwark-expect: function-constructor
  const f = new Function('row', 'return ' + expr);
  // bulwark-expect: function-constructor
  const g = Function(`return row.${field}`);
  // bulwark-ok: function-constructor (a fixed body is written by the developer)
  const h = new Function('a', 'b', 'return a + b');
  // bulwark-ok: function-constructor (the safe variant: pick a getter, do not compile one)
  const k = (row) => row[field];
  return [f, g, h, k];
}
