# Samples for code/python/command-injection.
import asyncio, os, shlex, subprocess
from flask import request
@app.route("/ping")
def ping():
    host = request.args.get("host")
    # bulwark-expect: command-injection
    os.system("ping -c 1 " + host)
    # bulwark-expect: command-injection
    out = subprocess.check_output(f"dig {request.form['name']}", shell=True)
    # bulwark-ok: command-injection (the safe variant: no shell, an argument list)
    subprocess.run(["ping", "-c", "1", host], check=True)
    # bulwark-ok: command-injection (quoted for the shell)
    os.system("ping -c 1 " + shlex.quote(host))
    return out


@mock.patch("main.requests.get")
def test_proxy(mock_get):
    # bulwark-ok: command-injection (a test patched with mock.patch is not a route)
    # bulwark-expect: subprocess-shell-true (still a shell run on a value that is not fixed)
    subprocess.run(mock_get.return_value, shell=True)


@api.post("/run")
def run(cmd: str):
    # bulwark-expect: command-injection
    subprocess.run(cmd, shell=True)


@app.route("/sh")
def sh():
    cmd = request.args["cmd"]
    # bulwark-expect: command-injection
    subprocess.call(['sh', '-c', cmd])
    # bulwark-expect: command-injection
    # bulwark-ok: os-system (reported once, by command-injection)
    os.system("ls " + cmd)
    # bulwark-expect: command-injection
    # bulwark-ok: subprocess-shell-true (reported once, by command-injection)
    subprocess.run("ls " + cmd, shell=True)
    # bulwark-ok: command-injection (quoted for the shell)
    subprocess.run(f"ls {shlex.quote(cmd)}", shell=True)
    # bulwark-ok: command-injection (an argument list, no shell)
    subprocess.call(['ls', '-l', cmd])


@app.route("/list")
async def list_dir():
    # bulwark-expect: command-injection
    await asyncio.create_subprocess_shell("ls " + request.args["d"])
    # bulwark-expect: command-injection
    await asyncio.create_subprocess_shell(f"du -sh {request.args['d']}", stdout=PIPE)
    # bulwark-ok: command-injection (the safe variant: an argument list, no shell)
    await asyncio.create_subprocess_exec("ls", request.args["d"])
    # bulwark-ok: command-injection (quoted for the shell)
    await asyncio.create_subprocess_shell("ls " + shlex.quote(request.args["d"]))
