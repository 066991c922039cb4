<?php
// Samples for code/php/command-injection.
$host = $_GET['host'];
// bulwark-expect: command-injection
system("ping -c 1 " . $host);
// bulwark-expect: command-injection
$out = shell_exec("nslookup {$_POST['name']}");
// bulwark-ok: command-injection (the safe variant: the argument is escaped for the shell)
system("ping -c 1 " . escapeshellarg($host));
// bulwark-ok: command-injection (a fixed command)
exec("sync");
