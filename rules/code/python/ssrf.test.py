# Samples for code/python/ssrf.
import requests
from flask import request
@app.route("/preview")
def preview():
    url = request.args.get("url")
    # bulwark-expect: ssrf
    page = requests.get(url, timeout=5)
    # bulwark-expect: ssrf
    meta = requests.post(f"{request.form['host']}/status")
    # bulwark-ok: ssrf (a fixed URL)
    health = requests.get("https://status.example.com/health")
    # bulwark-ok: ssrf (the user value is only a quoted path segment on a fixed host)
    item = requests.get("https://api.example.com/items/" + quote(request.args["id"]))
    return page.text + meta.text + health.text + item.text
