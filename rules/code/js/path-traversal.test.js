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

// Next.js App Router route handlers: search parameters, form data and route params are input.
export async function GET(request, { params }) {
  const name = request.nextUrl.searchParams.get('name');
  // bulwark-expect: path-traversal
  const data = fs.readFileSync(`/srv/files/${name}`);
  const { slug } = await params;
  // bulwark-expect: path-traversal
  fs.createReadStream(path.join('/srv/posts', slug));
  // bulwark-ok: path-traversal (only the base name of the route param is kept)
  fs.createReadStream(path.join('/srv/posts', path.basename(slug)));
  return new Response(data);
}
export const PUT = async (request, context) => {
  const form = await request.formData();
  // bulwark-expect: path-traversal
  fs.writeFileSync(form.get('path'), context.params.id);
};
app.get('/static', (req, res) => {
  const root = path.resolve('public');
  const p = path.resolve(root, req.query.f);
  if (!p.startsWith(root + path.sep)) return res.status(400).end();
  // bulwark-ok: path-traversal (resolved, then checked to stay inside the base folder)
  fs.createReadStream(p).pipe(res);
});
app.get('/static2', (req, res) => {
  const p = path.resolve(ROOT, req.query.f);
  if (p.startsWith(ROOT + path.sep)) {
    // bulwark-ok: path-traversal (only used inside the check that it stays in the base folder)
    return res.send(fs.readFileSync(p));
  }
  const q = path.resolve(ROOT, req.query.g);
  // bulwark-expect: path-traversal (the check above was on another value)
  fs.createReadStream(q).pipe(res);
});
