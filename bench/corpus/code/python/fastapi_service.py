"""Catalogue API (FastAPI) with background helpers."""
import hashlib
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

import httpx
import yaml
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse

api = FastAPI()
MEDIA = Path("/srv/media")
ALLOWED_HOSTS = {"images.example.com"}


@api.get("/media/{name}")
async def media(name: str, request: Request):
    path = os.path.join(MEDIA, request.query_params["folder"], name)
    # bulwark-expect: path-traversal
    return FileResponse(path)


@api.get("/media-safe/{name}")
async def media_safe(name: str):
    # bulwark-ok: path-traversal
    return FileResponse(MEDIA / os.path.basename(name))


@api.get("/mirror")
async def mirror(request: Request):
    url = request.query_params["url"]
    async with httpx.AsyncClient() as client:
        # bulwark-expect: ssrf
        reply = await client.get(url)
        # bulwark-ok: ssrf
        health = await client.get("https://images.example.com/health")
    return {"size": len(reply.content), "up": health.status_code}


@api.get("/out")
async def out(request: Request):
    # bulwark-expect: open-redirect
    return RedirectResponse(request.query_params["to"])


@api.get("/out-safe")
async def out_safe():
    # bulwark-ok: open-redirect
    return RedirectResponse("/catalogue")


@api.post("/convert")
async def convert(request: Request):
    body = await request.json()
    name = body["name"]
    # bulwark-expect: subprocess-shell-true
    subprocess.run("convert %s out.png" % name, shell=True, check=True)
    # bulwark-ok: subprocess-shell-true
    subprocess.run("convert %s out.png" % shlex.quote(name), shell=False, check=True)
    return {"ok": True}


def load_settings(path):
    with open(path) as fh:
        # bulwark-expect: yaml-load
        settings = yaml.load(fh)
    with open(path) as fh:
        # bulwark-ok: yaml-load
        checked = yaml.load(fh, Loader=yaml.SafeLoader)
    return settings, checked


def cache_key(parts):
    # bulwark-ok: weak-password-hash
    return hashlib.sha1("/".join(parts).encode()).hexdigest()


def hash_password(password, salt):
    # bulwark-expect: weak-password-hash
    return hashlib.md5(salt + password.encode()).hexdigest()


def scratch_file():
    # bulwark-expect: tempfile-mktemp
    name = tempfile.mktemp(prefix="catalogue-")
    # bulwark-ok: tempfile-mktemp
    fd, safe = tempfile.mkstemp(prefix="catalogue-")
    return name, fd, safe


def run_query(cursor, table, owner):
    # bulwark-expect: sql-string-format
    cursor.execute("SELECT * FROM {} WHERE owner = '{}'".format(table, owner))
    # bulwark-ok: sql-string-format
    cursor.execute("SELECT * FROM items WHERE owner = %s", (owner,))
    # bulwark-expect: sql-string-format
    cursor.execute("DELETE FROM items WHERE owner = '" + owner + "'")


def compute(expression):
    # bulwark-ok: eval-exec
    return eval("2 + 2") + len(expression)


def check_admin(user):
    # bulwark-expect: assert-for-auth
    assert user.is_staff
    # bulwark-ok: assert-for-auth
    assert user is not None
    return True


def read_cache(blob, text):
    import json
    import pickle

    # bulwark-expect: pickle-load
    cached = pickle.loads(blob)
    # bulwark-ok: pickle-load
    parsed = json.loads(text)
    # bulwark-ok: marshal-load
    size = len(blob)
    return cached, parsed, size
