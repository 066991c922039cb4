// Media service: uploads, thumbnails, downloads and sharing links.
const express = require('express');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { exec, execFile } = require('child_process');
const axios = require('axios');
const tar = require('tar-stream');

const media = express.Router();
const UPLOADS = path.resolve(__dirname, 'uploads');
const SIZES = { small: '128x128', medium: '512x512' };

media.post('/thumbnail', (req, res) => {
  const { file, size } = req.body;
  const dims = SIZES[size] || SIZES.small;
  // bulwark-expect: command-injection
  exec(`convert ${path.join(UPLOADS, file)} -resize ${dims} /tmp/thumb.png`, () =>
    res.sendFile('/tmp/thumb.png'),
  );
});

media.post('/thumbnail-safe', (req, res) => {
  const file = path.basename(String(req.body.file));
  const dims = SIZES[req.body.size] || SIZES.small;
  // bulwark-ok: command-injection
  execFile('convert', [path.join(UPLOADS, file), '-resize', dims, '/tmp/thumb.png'], () =>
    res.end(),
  );
});

media.get('/raw/:name', (req, res) => {
  // bulwark-expect: path-traversal
  fs.readFile(UPLOADS + '/' + req.params.name, (err, data) => res.end(data));
});

media.delete('/raw/:name', (req, res) => {
  const target = path.join(UPLOADS, req.params.name);
  // bulwark-expect: path-traversal
  fs.unlink(target, () => res.sendStatus(204));
});

media.delete('/raw-safe/:name', (req, res) => {
  const target = path.join(UPLOADS, path.basename(req.params.name));
  // bulwark-ok: path-traversal
  fs.unlink(target, () => res.sendStatus(204));
});

media.get('/stats', (req, res) => {
  // bulwark-ok: path-traversal
  fs.stat(UPLOADS, (err, stat) => res.json({ size: stat.size }));
});

media.post('/import', async (req, res) => {
  const source = req.body.source;
  // bulwark-expect: ssrf
  const { data } = await axios({ url: source, responseType: 'arraybuffer' });
  const name = crypto.randomUUID();
  // bulwark-ok: path-traversal
  fs.writeFileSync(path.join(UPLOADS, name), data);
  res.json({ name });
});

media.post('/import/gallery', async (req, res) => {
  // bulwark-ok: ssrf
  const { data } = await axios.get('https://cdn.example.com/gallery/index.json');
  res.json(data);
});

media.post('/share', (req, res) => {
  // bulwark-expect: insecure-random-token
  const shareToken = Math.random().toString(16).slice(2);
  // bulwark-ok: insecure-random-token
  const linkId = crypto.randomBytes(16).toString('base64url');
  res.json({ shareToken, linkId });
});

media.get('/share/:id', (req, res) => {
  const redirectTo = req.query.then;
  // bulwark-expect: open-redirect
  res.location(redirectTo).sendStatus(302);
});

media.get('/caption', (req, res) => {
  const caption = req.query.text;
  // bulwark-expect: xss-response-send
  res.end(`<figcaption>${caption}</figcaption>`);
  // bulwark-ok: xss-response-send
  res.json({ caption });
});

function unpack(stream, dest) {
  const extract = tar.extract();
  extract.on('entry', (header, entry, next) => {
    const out = path.join(dest, header.name);
    // bulwark-expect: zip-slip
    entry.pipe(fs.createWriteStream(out));
    entry.on('end', next);
  });
  stream.pipe(extract);
}

function unpackSafe(stream, dest) {
  const extract = tar.extract();
  extract.on('entry', (header, entry, next) => {
    const out = path.join(dest, path.basename(header.name));
    // bulwark-ok: zip-slip
    entry.pipe(fs.createWriteStream(out));
    entry.on('end', next);
  });
  stream.pipe(extract);
}

function signUrl(url, expires) {
  // bulwark-ok: weak-password-hash
  const sig = crypto
    .createHmac('sha256', process.env.URL_SECRET)
    .update(`${url}:${expires}`)
    .digest('hex');
  return `${url}?e=${expires}&s=${sig}`;
}

function checkSignedUrl(url, expires, sig) {
  const expected = crypto
    .createHmac('sha256', process.env.URL_SECRET)
    .update(`${url}:${expires}`)
    .digest('hex');
  // bulwark-expect: timing-unsafe-compare
  if (sig !== expected) throw new Error('bad signature');
  // bulwark-ok: timing-unsafe-compare
  if (expires < Date.now()) throw new Error('expired');
  return true;
}

function legacyEncrypt(data, key) {
  // bulwark-expect: weak-cipher
  const cipher = crypto.createCipheriv('bf-cbc', key, crypto.randomBytes(8));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function modernEncrypt(data, key) {
  // bulwark-ok: weak-cipher
  const cipher = crypto.createCipheriv('chacha20-poly1305', key, crypto.randomBytes(12), {
    authTagLength: 16,
  });
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function fileKey(userId, name) {
  // bulwark-ok: weak-password-hash
  return crypto.createHash('sha1').update(`${userId}/${name}`).digest('hex');
}

module.exports = {
  media,
  unpack,
  unpackSafe,
  signUrl,
  checkSignedUrl,
  legacyEncrypt,
  modernEncrypt,
  fileKey,
};
