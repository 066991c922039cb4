// Admin console routes.
const express = require('express');
const cp = require('child_process');
const fs = require('fs/promises');
const fsSync = require('fs');
const path = require('path');
const got = require('got');
const Handlebars = require('handlebars');
const { Sequelize, QueryTypes } = require('sequelize');

const admin = express.Router();
const sequelize = new Sequelize(process.env.DATABASE_URL);
const LOG_DIR = '/var/log/app';
const TEMPLATES = { welcome: 'welcome.hbs', reset: 'reset.hbs' };

admin.get('/logs', async (req, res) => {
  const file = req.query.file;
  // bulwark-expect: path-traversal
  const text = await fs.readFile(path.join(LOG_DIR, file), 'utf8');
  res.type('text/plain').send(text);
});

admin.get('/logs/tail', (req, res) => {
  const lines = req.query.lines;
  // bulwark-expect: command-injection
  cp.exec('tail -n ' + lines + ' ' + LOG_DIR + '/app.log', (err, out) =>
    res.type('text/plain').end(out),
  );
});

admin.get('/logs/tail-safe', (req, res) => {
  const lines = String(parseInt(req.query.lines, 10) || 100);
  // bulwark-ok: command-injection
  cp.execFile('tail', ['-n', lines, path.join(LOG_DIR, 'app.log')], (err, out) =>
    res.type('text/plain').end(out),
  );
});

admin.get('/logs/list', async (req, res) => {
  // bulwark-ok: path-traversal
  const names = await fs.readdir(LOG_DIR);
  res.json(names);
});

admin.get('/logs/safe', async (req, res) => {
  const name = path.basename(String(req.query.file));
  // bulwark-ok: path-traversal
  const text = await fs.readFile(path.join(LOG_DIR, name), 'utf8');
  res.type('text/plain').send(text);
});

admin.post('/users/find', async (req, res) => {
  const { email } = req.body;
  // bulwark-expect: sql-injection
  const users = await sequelize.query(`SELECT id, email FROM users WHERE email = '${email}'`, {
    type: QueryTypes.SELECT,
  });
  // bulwark-ok: sql-injection
  const same = await sequelize.query('SELECT id, email FROM users WHERE email = :email', {
    replacements: { email },
    type: QueryTypes.SELECT,
  });
  res.json({ users, same });
});

admin.post('/mail/preview', (req, res) => {
  // bulwark-expect: template-escape-off
  const template = Handlebars.compile(req.body.source, { noEscape: true });
  // bulwark-ok: template-escape-off
  const escaped = Handlebars.compile(
    fsSync.readFileSync(path.join(__dirname, TEMPLATES.welcome), 'utf8'),
  );
  res.send(template({}) + escaped({ name: req.body.name }));
});

admin.post('/jobs/schedule', (req, res) => {
  const job = req.body.job;
  // bulwark-expect: string-timer
  setTimeout('runJob("' + job + '")', 1000);
  // bulwark-ok: string-timer
  setTimeout(runJob, 1000, job);
  res.sendStatus(202);
});

admin.post('/calc', (req, res) => {
  // bulwark-expect: eval-injection
  const value = eval(req.body.expression);
  // bulwark-ok: eval-injection
  const parsed = JSON.parse(req.body.json);
  res.json({ value, parsed });
});

admin.get('/proxy', async (req, res) => {
  // bulwark-expect: ssrf
  const body = await got(req.query.url).text();
  // bulwark-ok: ssrf
  const health = await got('https://status.example.com/ping').text();
  res.send(body.length + health.length);
});

admin.get('/export/:table', (req, res) => {
  const table = req.params.table;
  const out = `/tmp/${table}.csv`;
  // bulwark-expect: command-injection
  cp.execSync(`pg_dump -t ${table} -f ${out}`);
  // bulwark-expect: path-traversal
  res.download(out);
});

admin.get('/templates/:name', (req, res) => {
  const file = TEMPLATES[req.params.name];
  if (!file) return res.sendStatus(404);
  // bulwark-ok: path-traversal
  return res.sendFile(file, { root: path.join(__dirname, 'templates') });
});

admin.get('/hello', (req, res) => {
  // bulwark-expect: xss-response-send
  res.write('<p>' + req.query.msg + '</p>');
  // bulwark-ok: xss-response-send
  res.end('</body></html>');
});

function runJob(name) {
  return name;
}

module.exports = admin;
