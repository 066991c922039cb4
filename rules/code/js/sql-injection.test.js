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

app.get('/clients', async (req, res) => {
  // bulwark-ok: sql-injection (an HTTP client, not a database)
  const user = await apiClient.get(`/users/${req.params.id}`, { timeout: 1000 });
  // bulwark-ok: sql-injection (a cache client, not a database)
  redisClient.get(`session:${req.cookies.sid}`, () => {});
  // bulwark-ok: sql-injection (a config object's get)
  const value = app.locals.dbConfig.get(req.query.key, 'default');
  // bulwark-ok: sql-injection (a key-value store's get takes a key, not a statement)
  const cached = await db.get(req.query.key);
  // bulwark-expect: sql-injection
  db.get(`SELECT * FROM users WHERE id = ${req.query.id}`, (err, row) => res.json(row));
  // bulwark-expect: sql-injection
  db.run(`DELETE FROM sessions WHERE id = ${req.query.id}`);
  // bulwark-expect: sql-injection
  this.db.all('SELECT * FROM users WHERE name = ' + req.query.name, [], done);
  // bulwark-expect: sql-injection
  await pgClient.query(`SELECT ${req.query.columns} FROM users`);
  // bulwark-expect: sql-injection
  knex('users').whereRaw(`name = '${req.query.name}'`);
  res.json({ user, value, cached });
});

// A Next.js App Router route handler: the route params are input.
export async function DELETE(request, { params }) {
  // bulwark-expect: sql-injection
  await db.query('DELETE FROM posts WHERE id = ' + params.id);
  // bulwark-ok: sql-injection (a placeholder and a separate value)
  await db.query('DELETE FROM posts WHERE id = $1', [params.id]);
  return new Response(null, { status: 204 });
}

async function remove(params) {
  // bulwark-ok: sql-injection (not a route handler: params here are the caller's own values)
  await db.query('DELETE FROM posts WHERE id = ' + params.id);
}

app.get('/lists', async (req, res) => {
  const ids = req.query.ids.split(',').map(Number);
  // bulwark-ok: sql-injection (every id was turned into a number)
  const rows = await db.query(`SELECT * FROM t WHERE id IN (${ids.join(',')})`);
  const placeholders = req.body.ids.map((_, i) => `$${i + 1}`).join(',');
  // bulwark-ok: sql-injection (the safe variant: placeholders built from the list's length, values passed apart)
  const more = await db.query(`SELECT * FROM t WHERE id IN (${placeholders})`, req.body.ids);
  // bulwark-ok: sql-injection (one "?" per value, values passed apart)
  const marks = await db.query(`SELECT * FROM t WHERE id IN (${req.body.ids.map(() => '?').join(',')})`, req.body.ids);
  const names = req.body.names.map((n) => `'${n}'`).join(',');
  // bulwark-expect: sql-injection (the values themselves are quoted into the statement)
  const quoted = await db.query(`SELECT * FROM t WHERE name IN (${names})`);
  res.json({ rows, more, marks, quoted });
});

app.delete('/items/:id', async (req, res) => {
  // bulwark-expect: sql-injection (pg-promise)
  await db.none(`DELETE FROM t WHERE id = ${req.params.id}`);
  // bulwark-expect: sql-injection (pg-promise)
  const item = await db.oneOrNone('SELECT * FROM t WHERE id = ' + req.params.id);
  // bulwark-ok: sql-injection (pg-promise with a placeholder and a separate value)
  await db.none('DELETE FROM t WHERE id = $1', [req.params.id]);
  // bulwark-expect: sql-injection (TypeORM's EntityManager)
  await dataSource.manager.query(`SELECT * FROM t WHERE id = ${req.params.id}`);
  // bulwark-expect: sql-injection (TypeORM's query builder takes SQL text)
  await repo.createQueryBuilder('u').where(`u.name = '${req.query.n}'`).getMany();
  // bulwark-ok: sql-injection (the query builder with a named parameter)
  await repo.createQueryBuilder('u').where('u.name = :name', { name: req.query.n }).getMany();
  res.json(item);
});

app.get('/raw', async (req, res) => {
  // bulwark-expect: sql-injection (a TypeORM DataSource under a short name runs raw SQL)
  await ds.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);
  // bulwark-expect: sql-injection (TypeORM's Repository.query runs raw SQL)
  await repo.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);
  // bulwark-expect: sql-injection (concatenated SQL on any receiver)
  await this.usersRepository.query('DELETE FROM users WHERE name = ' + req.query.name);
  const sql = `UPDATE users SET name = '${req.body.name}' WHERE id = 1`;
  // bulwark-expect: sql-injection (a value named sql)
  await store.query(sql);
  // bulwark-ok: sql-injection (raw SQL with a placeholder and the value passed apart)
  await repo.query('SELECT * FROM users WHERE name = $1', [req.query.name]);
  // bulwark-ok: sql-injection (a DOM query, not SQL)
  const el = $('#results').query(req.query.selector);
  // bulwark-ok: sql-injection (a query-string helper, not SQL)
  const parsed = qs.query(req.query.q);
  // bulwark-ok: sql-injection (a search client's query takes the user's search words)
  const hits = await searchIndex.query(`${req.query.q}`);
  // bulwark-ok: sql-injection (text that does not read as SQL)
  const params = new URLSearchParams(req.url).query(`select a colour: ${req.query.c}`);
  res.json({ el, parsed, hits, params });
});

app.get('/posts', async (req, res) => {
  const col = ['name', 'created'].includes(req.query.sort) ? req.query.sort : 'created';
  // bulwark-ok: sql-injection (the column is kept only when the allow-list holds it)
  const rows = await db.query(`SELECT * FROM posts ORDER BY ${col}`);
  const SORTABLE = new Set(['title', 'created']);
  const by = SORTABLE.has(req.query.by) ? req.query.by : 'created';
  const dir = !['asc', 'desc'].includes(req.query.dir) ? 'asc' : req.query.dir;
  // bulwark-ok: sql-injection (a Set allow-list, and a negated check with a fixed fallback)
  const more = await db.query(`SELECT * FROM posts ORDER BY ${by} ${dir}`);
  const loose = ['name', 'created'].includes(req.query.sort) ? req.query.sort : req.query.fallback;
  // bulwark-expect: sql-injection (the fallback is user input too)
  const other = await db.query(`SELECT * FROM posts ORDER BY ${loose}`);
  const wrong = ['name', 'created'].includes(req.query.sort) ? req.query.order : 'created';
  // bulwark-expect: sql-injection (the allow-list checked another value than the one used)
  const last = await db.query(`SELECT * FROM posts ORDER BY ${wrong}`);
  res.json({ rows, more, other, last });
});
