<?php
// Samples for code/php/sql-injection.
$id = $_GET['id'];
// bulwark-expect: sql-injection
$rows = mysqli_query($conn, "SELECT * FROM users WHERE id = '$id'");
// bulwark-expect: sql-injection
$pdo->query("DELETE FROM carts WHERE owner = '" . $_POST['owner'] . "'");
// bulwark-ok: sql-injection (the safe variant: a placeholder and a bound value)
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
// bulwark-ok: sql-injection (the value is cast to an integer)
$pdo->query("SELECT * FROM users WHERE id = " . intval($_GET['id']));
