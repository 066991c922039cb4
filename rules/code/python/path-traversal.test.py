# Samples for code/python/path-traversal.
import os
from flask import request, send_file, send_from_directory
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
