<?php
// Samples for code/php/eval-injection.
// bulwark-expect: eval-injection
eval($_POST['code']);
// bulwark-expect: eval-injection
eval("return " . $expr . ";");
// bulwark-ok: eval-injection (a fixed string)
eval('return 1;');
// bulwark-ok: eval-injection (the safe variant: no evaluation at all)
$result = calculate($expr);
