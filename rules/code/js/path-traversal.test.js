// Samples for code/js/path-traversal.
const fs = require('fs');
const path = require('path');
app.get('/files', (req, res) => {
  const file = path.join(__dirname, 'uploads', req.query.name);
  // bulwark-expect: path-traversal
  fs.readFile(file, 'utf8', (err, data) => res.end(data));
});
app.get('/download/:name', (req, res) => {
  // bulwark-expect: path-traversal
  res.download(`./exports/${req.params.name}`);
  // bulwark-ok: path-traversal (the safe variant: only the base name is kept)
  res.sendFile(path.join(__dirname, 'exports', path.basename(req.params.name)));
  // bulwark-ok: path-traversal (a fixed path)
  fs.readFileSync('./exports/index.json');
});
