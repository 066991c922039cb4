const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  exec(`ping -c 1 ${host}`, (error, stdout) => res.send(stdout));
});

app.get('/calc', (req, res) => {
  res.send(String(eval(req.query.expression)));
});

app.listen(3000);
