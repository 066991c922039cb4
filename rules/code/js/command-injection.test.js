// Samples for code/js/command-injection.
const { exec, execFile } = require('child_process');
const cp = require('child_process');

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // bulwark-expect: command-injection
  exec(`ping -c 1 ${host}`, (err, out) => res.send(out));
});

app.post('/convert', (req, res) => {
  const { name } = req.body;
  const target = name + '.png';
  // bulwark-expect: command-injection
  cp.execSync('convert in.svg ' + target);
  // bulwark-ok: command-injection (the safe variant: no shell, arguments as an array)
  execFile('convert', ['in.svg', target]);
  // bulwark-ok: command-injection (a fixed command string)
  cp.execSync('convert in.svg out.png');
  res.end();
});

app.get('/safe', (req, res) => {
  let dir = req.query.dir;
  dir = shellEscape(dir);
  // bulwark-ok: command-injection (the value was escaped for the shell before use)
  exec('ls ' + dir);
});

// A Next.js App Router route handler: the request body is input.
export async function POST(request) {
  const body = await request.json();
  // bulwark-expect: command-injection
  exec(`convert ${body.file} out.png`);
  // bulwark-ok: command-injection (a fixed command)
  exec('convert in.png out.png');
  return new Response('ok');
}

app.get('/spawn', (req, res) => {
  // bulwark-expect: command-injection
  cp.spawn(req.query.cmd, { shell: true });
  // bulwark-expect: command-injection
  cp.spawn('sh', ['-c', req.query.cmd]);
  // bulwark-expect: command-injection
  spawn('/bin/bash', ['-c', `ls ${req.query.dir}`], { stdio: 'inherit' });
  // bulwark-ok: command-injection (no shell: the value is one argument of ls)
  cp.spawn('ls', ['-l', req.query.dir]);
  // bulwark-ok: command-injection (a fixed shell command)
  cp.spawn('sh', ['-c', 'ls /tmp']);
  res.end();
});

app.get('/run', (req, res) => {
  const allowed = ['ls', 'pwd'];
  if (!allowed.includes(req.query.cmd)) return res.sendStatus(400);
  // bulwark-ok: command-injection (the safe variant: only commands on an allow-list get here)
  exec(req.query.cmd);
  // bulwark-expect: command-injection (the allow-list checked another value)
  exec(req.query.args);
});

// A route handler that destructures the request in its parameters.
app.get('/ping2', ({ query }, res) => {
  // bulwark-expect: command-injection
  cp.exec('ping ' + query.host);
  // bulwark-ok: command-injection (no shell: the value is one argument of ping)
  execFile('ping', ['-c', '1', query.host]);
  res.end();
});
function pingHelper({ query }) {
  // bulwark-ok: command-injection (a plain function's parameter, not a route handler's request)
  cp.exec('ping ' + query.host);
}

app.get('/lookup', async (req, res) => {
  const { host } = req.params;
  // bulwark-expect: command-injection
  await util.promisify(cp.exec)('nslookup ' + host);
  // bulwark-expect: command-injection
  await execa('nslookup ' + host, { shell: true });
  // bulwark-ok: command-injection (execa without a shell runs the file with its arguments)
  await execa('nslookup', [host]);
  // bulwark-ok: command-injection (a fixed command)
  await util.promisify(cp.exec)('uptime');
  res.end();
});

app.get('/shell-args', (req, res) => {
  // bulwark-expect: command-injection (shell: true joins the arguments into one shell command)
  spawn('ls', [req.query.dir], { shell: true });
  const dir = req.query.dir;
  const args = ['-la', dir];
  // bulwark-expect: command-injection (the argument list is built from user input first)
  cp.spawnSync('ls', args, { shell: true, cwd: '/tmp' });
  // bulwark-expect: command-injection
  execFile('ls', ['-la', dir], { shell: true }, (err, out) => res.send(out));
  // bulwark-expect: command-injection
  cp.execFileSync('ls', ['-la', dir], { shell: true });
  // bulwark-ok: command-injection (no shell: the value is one argument of ls)
  spawn('ls', [dir]);
  // bulwark-ok: command-injection (shell: false runs ls itself)
  spawn('ls', [dir], { shell: false });
  // bulwark-ok: command-injection (a shell, but only fixed arguments)
  spawn('ls', ['-la', '/tmp'], { shell: true });
  // bulwark-expect: command-injection (a shell named by path runs the joined arguments too)
  cp.spawn('ls', [req.query.dir], { shell: '/bin/bash' });
  // bulwark-expect: command-injection
  cp.spawnSync('ls', ['-l', dir], { shell: "/bin/sh", cwd: '/tmp' });
  // bulwark-ok: command-injection (an empty string is no shell)
  spawn('ls', [dir], { shell: '' });
  res.end();
});

app.get('/shell-args-checked', (req, res) => {
  const dir = req.query.dir;
  if (!['logs', 'tmp'].includes(dir)) return res.sendStatus(400);
  // bulwark-ok: command-injection (only directories on an allow-list get here)
  spawn('ls', ['-la', dir], { shell: true });
  // bulwark-expect: command-injection (the allow-list checked another value)
  spawn('ls', ['-la', req.query.other], { shell: true });
  res.end();
});
