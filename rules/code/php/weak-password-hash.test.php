<?php
// Samples for code/php/weak-password-hash.
// bulwark-expect: weak-password-hash
$hash = md5($password);
// bulwark-expect: weak-password-hash
$hash2 = hash('sha256', $salt . $_POST['password']);
// bulwark-ok: weak-password-hash (the safe variant)
$good = password_hash($password, PASSWORD_DEFAULT);
// bulwark-ok: weak-password-hash (a checksum of a file is fine)
$etag = md5($fileContents);
