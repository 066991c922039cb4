// Samples for code/js/nosql-injection.
app.post('/login', async (req, res) => {
  // bulwark-expect: nosql-injection
  const user = await User.findOne({ name: req.body.name, password: req.body.password });
  const filter = { owner: req.query.owner };
  // bulwark-expect: nosql-injection
  const docs = await db.collection('notes').find(filter).toArray();
  // bulwark-ok: nosql-injection (the safe variant: values cast to strings)
  const safe = await User.findOne({ name: String(req.body.name) });
  // bulwark-ok: nosql-injection (a fixed query)
  const admins = await User.find({ role: 'admin' });
  res.json({ user, docs, safe, admins });
});
app.get('/users', async (req, res) => {
  // bulwark-ok: nosql-injection (TypeORM's query builder takes SQL, which sql-injection reports)
  const users = await repo.createQueryBuilder('u').where(`u.name = '${req.query.n}'`).getMany();
  // bulwark-expect: nosql-injection (a Mongoose query's where with a request object)
  const adults = await User.where(req.query.filter).exec();
  res.json({ users, adults });
});
