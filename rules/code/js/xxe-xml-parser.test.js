// Samples for code/js/xxe-xml-parser.
const libxmljs = require('libxmljs');
app.post('/import', (req, res) => {
  // bulwark-expect: xxe-xml-parser
  const doc = libxmljs.parseXml(req.body, { noent: true });
  // bulwark-expect: xxe-xml-parser
  const other = libxmljs.parseXmlString(req.body, { dtdload: true, noblanks: true });
  // bulwark-ok: xxe-xml-parser (the safe variant: entities are not expanded)
  const safe = libxmljs.parseXml(req.body, { noent: false });
  // bulwark-ok: xxe-xml-parser (default options do not expand entities)
  const plain = libxmljs.parseXml(req.body);
  res.json({ doc, other, safe, plain });
});
