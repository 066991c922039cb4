# Samples for code/python/command-injection.
import os, shlex, subprocess
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
    subprocess.run(mock_get.return_value, shell=True)


@api.post("/run")
def run(cmd: str):
    # bulwark-expect: command-injection
    subprocess.run(cmd, shell=True)
