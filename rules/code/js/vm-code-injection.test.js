// Samples for code/js/vm-code-injection.
const vm = require('vm');
function run(userCode, sandbox) {
  // bulwark-expect: vm-code-injection
  vm.runInNewContext(userCode, sandbox);
  // bulwark-expect: vm-code-injection
  const script = new vm.Script(`(${userCode})`);
  // bulwark-ok: vm-code-injection (fixed code written by the developer)
  vm.runInThisContext('1 + 1');
  // bulwark-ok: vm-code-injection (the safe variant: parse data, do not run it)
  const parsed = JSON.parse(userCode);
  return [script, parsed];
}
