<?php
// Samples for code/php/xss-echo.
$name = $_GET['name'];
// bulwark-expect: xss-echo
echo "<h1>Hello " . $name . "</h1>";
// bulwark-expect: xss-echo
echo $_POST['comment'];
// bulwark-ok: xss-echo (the safe variant: escaped on output)
echo "<h1>Hello " . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . "</h1>";
// bulwark-ok: xss-echo (a fixed string)
echo "<p>Welcome</p>";
