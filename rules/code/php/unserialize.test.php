<?php
// Samples for code/php/unserialize.
// bulwark-expect: unserialize
$prefs = unserialize($_COOKIE['prefs']);
// bulwark-expect: unserialize
$cart = unserialize(base64_decode($raw));
// bulwark-ok: unserialize (the safe variant: JSON)
$data = json_decode($_COOKIE['prefs'], true);
// bulwark-ok: unserialize (objects are refused)
$plain = unserialize($raw, ['allowed_classes' => false]);
