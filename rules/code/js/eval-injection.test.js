// Samples for code/js/eval-injection.

function run(input, req) {
  // bulwark-expect: eval-injection
  eval(input);
  // bulwark-expect: eval-injection
  const result = eval('(' + req.body.expr + ')');
  // bulwark-ok: eval-injection (a fixed string is not attacker controlled)
  eval('1 + 1');
  // bulwark-ok: eval-injection (the safe variant: parse the data instead of running it)
  const data = JSON.parse(input);
  return [result, data];
}
