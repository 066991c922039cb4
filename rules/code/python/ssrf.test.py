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
