"""Operations scripts: backups, remote commands and data migration."""
import marshal
import os
import ssl
import subprocess
import sys
import urllib.request

import jinja2
import paramiko
import requests
from Crypto.Cipher import AES, DES


def remote(host, command):
    client = paramiko.SSHClient()
    # bulwark-expect: paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # bulwark-ok: paramiko-auto-add-policy
    client.load_system_host_keys()
    client.connect(host)
    return client.exec_command(command)


def restore(path):
    with open(path, "rb") as fh:
        # bulwark-expect: marshal-load
        return marshal.load(fh)


def render(template_dir, context):
    # bulwark-expect: jinja2-autoescape-off
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dir))
    # bulwark-ok: jinja2-autoescape-off
    safe_env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dir), autoescape=True)
    return env.get_template("report.html").render(**context), safe_env


def download(url):
    # bulwark-expect: requests-verify-false
    data = requests.get(url, verify=False, timeout=30).content
    # bulwark-ok: requests-verify-false
    checked = requests.get(url, timeout=30).content
    # bulwark-expect: ssl-unverified-context
    ctx = ssl._create_unverified_context()
    # bulwark-ok: ssl-unverified-context
    good = ssl.create_default_context()
    return data, checked, urllib.request.urlopen(url, context=good), ctx


def seal(key, data):
    # bulwark-expect: weak-cipher
    legacy = DES.new(key[:8], DES.MODE_ECB).encrypt(data)
    # bulwark-ok: weak-cipher
    modern = AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)
    return legacy, modern


def calc(expr):
    # bulwark-expect: eval-exec
    return eval(expr)


def run_hook(hook):
    # bulwark-expect: os-system
    os.system("sh hooks/" + hook)
    # bulwark-ok: os-system
    os.system("sync")
    # bulwark-ok: subprocess-shell-true
    subprocess.run(["sh", os.path.join("hooks", os.path.basename(hook))], check=True)


def main():
    target = sys.argv[1]
    # bulwark-expect: command-injection
    subprocess.run(f"rsync -a /srv/data {target}", shell=True, check=True)
    # bulwark-ok: command-injection
    subprocess.run(["rsync", "-a", "/srv/data", target], check=True)
    run_hook(sys.argv[2])


if __name__ == "__main__":
    main()
