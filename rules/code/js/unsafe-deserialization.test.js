// Samples for code/js/unsafe-deserialization.
const serialize = require('node-serialize');
const yaml = require('js-yaml');
app.post('/session', (req, res) => {
  // bulwark-expect: unsafe-deserialization
  const profile = serialize.unserialize(req.cookies.profile);
  // bulwark-expect: unsafe-deserialization
  const config = yaml.load(req.body.config, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // bulwark-ok: unsafe-deserialization (the safe variant: plain JSON)
  const data = JSON.parse(req.cookies.profile);
  // bulwark-ok: unsafe-deserialization (js-yaml's default schema builds no functions)
  const settings = yaml.load(req.body.config);
  res.json({ profile, config, data, settings });
});
