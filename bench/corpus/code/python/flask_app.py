"""Inventory service (Flask): unsafe handlers next to their fixed versions."""
import os
import pickle
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, abort, redirect, render_template_string, request, send_file, send_from_directory, url_for
from werkzeug.utils import secure_filename

app = Flask(__name__)
# bulwark-expect: hardcoded-secret-key
app.config["SECRET_KEY"] = "inventory-prod-secret-2024"
FILES = "/srv/inventory/files"


def db():
    return sqlite3.connect("/srv/inventory/db.sqlite")


@app.route("/items")
def items():
    name = request.args.get("name", "")
    cur = db().cursor()
    # bulwark-expect: sql-string-format
    cur.execute(f"SELECT * FROM items WHERE name = '{name}'")
    # bulwark-ok: sql-string-format
    cur.execute("SELECT * FROM items WHERE name = ?", (name,))
    # bulwark-expect: sql-string-format
    cur.execute("SELECT * FROM items ORDER BY %s" % request.args["sort"])
    # bulwark-ok: sql-string-format
    cur.execute("SELECT count(*) FROM items")
    return {"rows": cur.fetchall()}


@app.route("/items/<int:item_id>/label")
def label(item_id):
    fmt = request.args.get("format", "pdf")
    # bulwark-expect: command-injection
    os.system("render-label --id %d --format %s" % (item_id, fmt))
    # bulwark-ok: command-injection
    subprocess.run(["render-label", "--id", str(item_id), "--format", "pdf"], check=True)
    return "ok"


@app.route("/backup")
def backup():
    target = request.args["target"]
    # bulwark-expect: subprocess-shell-true
    subprocess.call("tar czf " + target + " /srv/inventory", shell=True)
    # bulwark-ok: subprocess-shell-true
    subprocess.call(["tar", "czf", "/backups/inventory.tgz", "/srv/inventory"])
    return "ok"


@app.route("/files")
def files():
    name = request.args["name"]
    # bulwark-expect: path-traversal
    return send_file(os.path.join(FILES, name))


@app.route("/files/safe")
def files_safe():
    name = secure_filename(request.args["name"])
    # bulwark-ok: path-traversal
    return send_file(os.path.join(FILES, name))


@app.route("/files/dir/<path:name>")
def files_dir(name):
    # bulwark-ok: path-traversal
    return send_from_directory(FILES, name)


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # bulwark-expect: ssrf
    resp = requests.get(url, timeout=5)
    # bulwark-ok: ssrf
    status = requests.get("https://status.example.com/api", timeout=5)
    return resp.text + status.text


@app.route("/callback")
def callback():
    # bulwark-expect: open-redirect
    return redirect(request.args.get("next"))


@app.route("/home")
def home():
    # bulwark-ok: open-redirect
    return redirect(url_for("items"))


@app.route("/greet")
def greet():
    name = request.args.get("name", "guest")
    # bulwark-expect: flask-ssti
    return render_template_string("<h1>Hello " + name + "</h1>")


@app.route("/greet/safe")
def greet_safe():
    # bulwark-ok: flask-ssti
    return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", "guest"))


@app.route("/import", methods=["POST"])
def import_items():
    # bulwark-expect: pickle-load
    data = pickle.loads(request.data)
    # bulwark-expect: yaml-load
    config = yaml.load(request.form["config"], Loader=yaml.Loader)
    # bulwark-ok: yaml-load
    safe = yaml.safe_load(request.form["config"])
    return {"n": len(data), "config": config, "safe": safe}


@app.route("/admin/delete/<int:item_id>", methods=["POST"])
def delete(item_id):
    # bulwark-expect: assert-for-auth
    assert request.user.is_admin, "admins only"
    if not request.user.is_admin:
        abort(403)
    # bulwark-ok: assert-for-auth
    assert isinstance(item_id, int)
    return "deleted"


if __name__ == "__main__":
    # bulwark-expect: flask-debug
    app.run(host="0.0.0.0", debug=True)
    # bulwark-ok: flask-debug
    app.run(host="127.0.0.1", port=5000)
