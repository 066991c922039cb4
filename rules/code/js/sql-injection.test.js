// Samples for code/js/sql-injection.
app.get('/user', async (req, res) => {
  const id = req.query.id;
  // bulwark-expect: sql-injection
  const rows = await db.query(`SELECT * FROM users WHERE id = '${id}'`);
  const sort = req.body.sort;
  const sql = 'SELECT * FROM orders ORDER BY ' + sort;
  // bulwark-expect: sql-injection
  await pool.query(sql);
  // bulwark-ok: sql-injection (the safe variant: a placeholder and a separate value)
  await db.query('SELECT * FROM users WHERE id = $1', [id]);
  // bulwark-ok: sql-injection (the number was parsed, no quotes can get through)
  await db.query(`SELECT * FROM users LIMIT ${parseInt(req.query.limit, 10)}`);
  res.json(rows);
});
