<?php
// Samples for code/php/file-inclusion.
// bulwark-expect: file-inclusion
include "pages/" . $_GET['page'] . ".php";
// bulwark-expect: file-inclusion
require_once "themes/{$theme}/header.php";
// bulwark-ok: file-inclusion (a fixed path)
require_once __DIR__ . '/vendor/autoload.php';
// bulwark-ok: file-inclusion (the safe variant: an allow-listed page)
include $pages[$name] ?? '404.php';
