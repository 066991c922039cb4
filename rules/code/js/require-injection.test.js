// Samples for code/js/require-injection.
app.get('/plugin', (req, res) => {
  // bulwark-expect: require-injection
  const plugin = require('./plugins/' + req.query.name);
  const mod = req.params.mod;
  // bulwark-expect: require-injection
  import(`./mods/${mod}.js`).then(() => res.end());
  // bulwark-ok: require-injection (a fixed module name)
  const csv = require('./plugins/csv');
  const table = { csv };
  // bulwark-ok: require-injection (the safe variant: look the name up in a fixed table)
  res.json(table[req.query.name] ? plugin : null);
});
