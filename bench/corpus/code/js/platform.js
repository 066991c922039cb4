// Platform service: plugins, imports, search and settings.
const express = require('express');
const vm = require('vm');
const fs = require('fs');
const path = require('path');
const https = require('https');
const yaml = require('js-yaml');
const serialize = require('node-serialize');
const libxmljs = require('libxmljs');
const AdmZip = require('adm-zip');
const nunjucks = require('nunjucks');
const { MongoClient } = require('mongodb');

const app = express();
app.use(express.json());
const PLUGIN_DIR = path.join(__dirname, 'plugins');
const db = new MongoClient(process.env.MONGO_URL).db('platform');

// bulwark-expect: template-escape-off
nunjucks.configure('views', { autoescape: false, express: app });

app.post('/rules/run', (req, res) => {
  const sandbox = { input: req.body.input };
  // bulwark-expect: vm-code-injection
  const result = vm.runInNewContext(req.body.rule, sandbox, { timeout: 50 });
  res.json({ result });
});

app.get('/plugins/:name', (req, res) => {
  // bulwark-expect: require-injection
  const plugin = require(path.join(PLUGIN_DIR, req.params.name));
  res.json(plugin.describe());
});

app.get('/plugins-safe/:name', (req, res) => {
  const known = { csv: './plugins/csv', xlsx: './plugins/xlsx' };
  const target = known[req.params.name];
  if (!target) return res.sendStatus(404);
  // bulwark-ok: require-injection
  const csv = require('./plugins/csv');
  return res.json(csv.describe());
});

app.post('/profile/restore', (req, res) => {
  // bulwark-expect: unsafe-deserialization
  const profile = serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString());
  // bulwark-ok: unsafe-deserialization
  const prefs = JSON.parse(Buffer.from(req.cookies.prefs, 'base64').toString());
  res.json({ profile, prefs });
});

app.post('/settings/import', (req, res) => {
  // bulwark-expect: unsafe-deserialization
  const settings = yaml.load(req.body.yaml, { schema: yaml.DEFAULT_FULL_SCHEMA });
  // bulwark-ok: unsafe-deserialization
  const plain = yaml.load(req.body.yaml);
  res.json({ settings, plain });
});

app.get('/search', async (req, res) => {
  const term = req.query.term;
  // bulwark-expect: regexp-injection
  const matcher = new RegExp(term, 'i');
  const escaped = String(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // bulwark-ok: regexp-injection
  const safeMatcher = new RegExp(escaped, 'i');
  // bulwark-ok: regexp-injection
  const slug = new RegExp('^[a-z0-9-]+$');
  res.json({ a: matcher.source, b: safeMatcher.source, c: slug.test(term) });
});

app.post('/users/lookup', async (req, res) => {
  // bulwark-expect: nosql-injection
  const user = await db
    .collection('users')
    .findOne({ email: req.body.email, token: req.body.token });
  // bulwark-ok: nosql-injection
  const same = await db.collection('users').findOne({ email: String(req.body.email) });
  res.json({ found: Boolean(user || same) });
});

function isEmail(value) {
  // bulwark-expect: unsafe-regex-literal
  return /^([a-zA-Z0-9_.-])+@(([a-zA-Z0-9-])+\.)+([a-zA-Z0-9]{2,4})+$/.test(value);
}

function isSlug(value) {
  // bulwark-ok: unsafe-regex-literal
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

function deepMerge(target, source) {
  for (const key in source) {
    if (source[key] && typeof source[key] === 'object') {
      target[key] = target[key] || {};
      deepMerge(target[key], source[key]);
    } else {
      // bulwark-expect: prototype-pollution-merge
      target[key] = source[key];
    }
  }
  return target;
}

function safeMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    // bulwark-ok: prototype-pollution-merge
    target[key] = source[key];
  }
  return target;
}

app.patch('/settings/:section/:key', (req, res) => {
  const store = loadSettings();
  // bulwark-expect: prototype-pollution-nested-assignment
  store[req.params.section][req.params.key] = req.body.value;
  res.json(deepMerge(store, req.body.defaults || {}));
});

app.post('/feeds/import', (req, res) => {
  // bulwark-expect: xxe-xml-parser
  const doc = libxmljs.parseXml(req.body.xml, { noent: true, nocdata: true });
  // bulwark-ok: xxe-xml-parser
  const safe = libxmljs.parseXml(req.body.xml, { noblanks: true });
  res.json({ items: doc.find('//item').length + safe.find('//item').length });
});

app.post('/bundles/upload', (req, res) => {
  const zip = new AdmZip(req.files.bundle.data);
  for (const entry of zip.getEntries()) {
    const dest = path.join(PLUGIN_DIR, entry.entryName);
    // bulwark-expect: zip-slip
    fs.writeFileSync(dest, entry.getData());
  }
  res.sendStatus(201);
});

app.post('/bundles/upload-safe', (req, res) => {
  const zip = new AdmZip(req.files.bundle.data);
  for (const entry of zip.getEntries()) {
    const dest = path.resolve(PLUGIN_DIR, entry.entryName);
    if (!dest.startsWith(PLUGIN_DIR + path.sep)) continue;
    // bulwark-ok: zip-slip
    fs.writeFileSync(path.join(PLUGIN_DIR, path.basename(entry.entryName)), entry.getData());
  }
  res.sendStatus(201);
});

const partnerAgent = new https.Agent({
  keepAlive: true,
  // bulwark-expect: tls-verification-disabled
  rejectUnauthorized: false,
});

// bulwark-ok: tls-verification-disabled
const internalAgent = new https.Agent({
  ca: fs.readFileSync(path.join(__dirname, 'internal-ca.pem')),
});

function toBuffer(input) {
  // bulwark-expect: buffer-constructor
  return new Buffer(input);
}

function zeroes(size) {
  // bulwark-ok: buffer-constructor
  return Buffer.alloc(size);
}

const mailer = createTransport({
  host: 'smtp.example.com',
  auth: {
    user: 'alerts@example.com',
    // bulwark-expect: hardcoded-sdk-credentials
    password: 'Winter2024!Alerts',
  },
});

// bulwark-ok: hardcoded-sdk-credentials
const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: process.env.AWS_KEY_ID, secretAccessKey: process.env.AWS_SECRET },
});

function loadSettings() {
  const file = path.join(__dirname, 'settings.json');
  // bulwark-ok: path-traversal
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// bulwark-expect: express-missing-helmet
app.listen(process.env.PORT || 8080);

module.exports = {
  app,
  partnerAgent,
  internalAgent,
  toBuffer,
  zeroes,
  mailer,
  s3,
  isEmail,
  isSlug,
  safeMerge,
};
