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
