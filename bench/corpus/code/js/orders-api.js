// Order service routes: a mix of unsafe handlers and their fixed versions.
'use strict';
const express = require('express');
const { exec, execFile, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const mysql = require('mysql2/promise');

const router = express.Router();
const pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER });
const EXPORT_DIR = path.join(__dirname, 'exports');

router.get('/orders', async (req, res) => {
  const status = req.query.status;
  // bulwark-expect: sql-injection
  const [rows] = await pool.query("SELECT * FROM orders WHERE status = '" + status + "'");
  // bulwark-ok: sql-injection
  const [safe] = await pool.query('SELECT * FROM orders WHERE status = ?', [status]);
  res.json({ rows, safe });
});

router.get('/orders/search', async (req, res) => {
  const { customer, sort } = req.query;
  const sql = `SELECT * FROM orders WHERE customer LIKE '%${customer}%' ORDER BY ${sort}`;
  // bulwark-expect: sql-injection
  const [rows] = await pool.execute(sql);
  const columns = { date: 'created_at', total: 'total' };
  const orderBy = columns[sort] || 'created_at';
  // bulwark-ok: sql-injection
  const [ok] = await pool.execute(
    `SELECT * FROM orders WHERE customer LIKE ? ORDER BY ${orderBy}`,
    [`%${customer}%`],
  );
  res.json({ rows, ok });
});

router.delete('/orders/:id', async (req, res) => {
  const id = req.params.id;
  // bulwark-expect: sql-injection
  await pool.query(`DELETE FROM orders WHERE id = ${id}`);
  // bulwark-ok: sql-injection
  await pool.query(`DELETE FROM order_items WHERE order_id = ${Number(id)}`);
  res.status(204).end();
});

router.post('/orders/:id/invoice', (req, res) => {
  const format = req.body.format;
  // bulwark-expect: command-injection
  exec(`wkhtmltopdf invoice.html out.${format}`, (err) => res.sendStatus(err ? 500 : 200));
  // bulwark-ok: command-injection
  execFile('wkhtmltopdf', ['invoice.html', 'out.pdf'], () => undefined);
});

router.post('/orders/:id/archive', (req, res) => {
  const label = req.body.label;
  const cmd = 'tar czf /tmp/' + label + '.tgz ' + EXPORT_DIR;
  // bulwark-expect: command-injection
  require('child_process').execSync(cmd);
  // bulwark-ok: command-injection
  spawn('tar', ['czf', `/tmp/archive.tgz`, EXPORT_DIR]);
  // bulwark-ok: command-injection
  exec('df -h', (err, out) => res.send(out));
});

router.get('/exports/:name', (req, res) => {
  const file = path.join(EXPORT_DIR, req.params.name);
  // bulwark-expect: path-traversal
  fs.createReadStream(file).pipe(res);
});

router.get('/exports', (req, res) => {
  // bulwark-expect: path-traversal
  res.sendFile(req.query.path);
});

router.get('/exports-safe/:name', (req, res) => {
  const name = path.basename(req.params.name);
  // bulwark-ok: path-traversal
  fs.createReadStream(path.join(EXPORT_DIR, name)).pipe(res);
  // bulwark-ok: path-traversal
  res.sendFile(name, { root: EXPORT_DIR });
});

router.get('/manifest', (req, res) => {
  const manifestPath = path.join(EXPORT_DIR, 'manifest.json');
  // bulwark-ok: path-traversal
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  res.json(manifest);
});

router.get('/orders/:id/label', (req, res) => {
  // bulwark-expect: xss-response-send
  res.send(`<h1>Order ${req.params.id}</h1>`);
});

router.get('/orders/:id/status', async (req, res) => {
  const [rows] = await pool.query('SELECT status FROM orders WHERE id = ?', [req.params.id]);
  // bulwark-ok: xss-response-send
  res.json({ status: rows[0].status });
  // bulwark-ok: xss-response-send
  res.send('<p>ok</p>');
});

module.exports = router;
