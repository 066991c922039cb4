// Samples for code/js/zip-slip.
const fs = require('fs');
const path = require('path');
function extractZip(zip, dest) {
  zip.getEntries().forEach((entry) => {
    const target = path.join(dest, entry.entryName);
    // bulwark-expect: zip-slip
    fs.writeFileSync(target, entry.getData());
  });
}
function extractTar(extract, dest) {
  extract.on('entry', (header, stream, next) => {
    // bulwark-expect: zip-slip
    stream.pipe(fs.createWriteStream(path.join(dest, header.name)));
    // bulwark-ok: zip-slip (the safe variant: only the base name is kept)
    fs.writeFileSync(path.join(dest, path.basename(header.name)), '');
    // bulwark-ok: zip-slip (a fixed file name)
    fs.writeFileSync(path.join(dest, 'manifest.json'), '{}');
    next();
  });
}
function extractYauzl(zipfile, dest) {
  zipfile.on('entry', (entry) => {
    // bulwark-expect: zip-slip
    zipfile.openReadStream(entry, (err, rs) => rs.pipe(fs.createWriteStream(path.join(dest, entry.fileName))));
  });
}
async function extractUnzipper(zip, dest) {
  for await (const entry of zip.pipe(unzipper.Parse({ forceStream: true }))) {
    // bulwark-expect: zip-slip
    entry.pipe(fs.createWriteStream(path.join(dest, entry.path)));
  }
}
async function extractDecompressed(file, dest) {
  const files = await decompress(file);
  for (const f of files) {
    // bulwark-expect: zip-slip
    fs.writeFileSync(path.join(dest, f.path), f.data);
  }
}
// Names that do not come from an archive entry are for the path-traversal rule.
function saveProfile(user, data) {
  // bulwark-ok: zip-slip (a user record's name, not an archive entry)
  fs.writeFileSync(path.join('/srv/profiles', user.name + '.json'), data);
}
function saveConfig(pkg) {
  // bulwark-ok: zip-slip (a package manifest's name, not an archive entry)
  fs.writeFileSync('/tmp/' + pkg.name, JSON.stringify(pkg));
}
function writeAll(files) {
  for (const f of files) {
    // bulwark-ok: zip-slip (files of the program's own, not entries of an archive)
    fs.writeFileSync(path.join(__dirname, 'out', f.path), f.content);
  }
}
app.get('/save', (req, res) => {
  // bulwark-ok: zip-slip (request input, which path-traversal reports)
  fs.writeFileSync('/tmp/' + req.query.name, req.body.data);
});
