# Samples for code/python/path-traversal.
import os
from flask import abort, request, send_file, send_from_directory
@app.route("/download")
def download():
    name = request.args["file"]
    # bulwark-expect: path-traversal
    return send_file(os.path.join("/srv/files", name))
@app.route("/raw/<path:name>")
def raw(name):
    # bulwark-expect: path-traversal
    with open("/srv/files/" + name) as fh:
        data = fh.read()
    # bulwark-ok: path-traversal (the safe variant: send_from_directory confines the path)
    page = send_from_directory("/srv/files", name)
    # bulwark-ok: path-traversal (only the base name is kept)
    other = open(os.path.join("/srv/files", os.path.basename(name)))
    return data, page, other


@app.route("/files")
def files():
    name = request.args["f"]
    if ".." in name or name.startswith("/"):
        abort(400)
    # bulwark-ok: path-traversal (the safe variant: ".." and absolute names were refused above)
    return send_file(os.path.join("/srv/files", name))


@app.route("/files2")
def files2():
    name = request.args["f"]
    if ".." in name:
        abort(400)
    # bulwark-expect: path-traversal (an absolute name still replaces the base folder)
    return send_file(os.path.join("/srv/files", name))


@app.route("/files3")
def files3():
    name = request.args["f"]
    other = request.args["g"]
    if ".." in other or os.path.isabs(other):
        raise ValueError("bad name")
    # bulwark-expect: path-traversal (the check is on another value)
    return send_file(os.path.join("/srv/files", name))


@app.route("/files4")
def files4():
    name = request.args["f"]
    if ".." in name or os.path.isabs(name):
        log.warning("odd name %s", name)
    # bulwark-expect: path-traversal (the check only logs)
    return open(os.path.join("/srv/files", name)).read()


@app.route("/files5")
def files5():
    name = request.args["f"]
    if ".." in name:
        abort(400)
    if os.path.isabs(name):
        return "absolute paths are refused", 400
    # bulwark-ok: path-traversal (both checks, one after the other)
    return open(os.path.join("/srv/files", name)).read()
