# Samples for code/python/ssrf.
import requests
from urllib.parse import quote, urlparse, urlsplit
from flask import abort, request
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


@api.get("/proxy2")
def proxy2(url2: str):
    # bulwark-expect: ssrf
    return requests.get(url2).text


@api.get("/proxy3")
async def proxy3(request: Request, db: Session = Depends(get_db), url3: str = "https://x.example"):
    # bulwark-expect: ssrf
    first = requests.get(url3)
    # bulwark-ok: ssrf (db is filled in by dependency injection, not by the client)
    return requests.get(db.base_url).text + first.text


@api.get("/mirror")
async def mirror(request: Request):
    url = request.query_params["url"]
    async with httpx.AsyncClient() as client:
        # bulwark-expect: ssrf
        reply = await client.get(url)
        # bulwark-ok: ssrf (a fixed URL)
        health = await client.get("https://images.example.com/health")
    return reply.text + health.text


ALLOWED_HOSTS = {"api.example.com"}


@app.route("/fetch-checked")
def fetch_checked():
    url = request.args.get("url")
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname in ALLOWED_HOSTS:
        # bulwark-ok: ssrf (the safe variant: the host is on an allow-list)
        return requests.get(url).text
    # bulwark-expect: ssrf (outside the checked branch)
    return requests.get(url, timeout=5).text


@app.route("/fetch-refused")
def fetch_refused():
    url = request.args.get("url")
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return "no", 400
    # bulwark-ok: ssrf (a host that is not allowed returned above)
    return requests.get(url, timeout=5).text


@app.route("/fetch-listed")
def fetch_listed():
    url = request.args.get("url")
    if url not in ["https://a.example.com/x"]:
        abort(400)
    # bulwark-ok: ssrf (only a listed URL gets here)
    return requests.get(url).text


@app.route("/fetch-logged")
def fetch_logged():
    url = request.args.get("url")
    if urlsplit(url).hostname not in ALLOWED_HOSTS:
        log.warning("unknown host %s", url)
    # bulwark-expect: ssrf (the check only logs; the request is still sent)
    return requests.get(url).text


@app.route("/fetch-other")
def fetch_other():
    url = request.args.get("url")
    other = request.args.get("other")
    if urlsplit(other).hostname not in ALLOWED_HOSTS:
        abort(400)
    # bulwark-expect: ssrf (the check is on another value)
    return requests.get(url).text
