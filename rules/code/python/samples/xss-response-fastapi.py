# Samples for code/python/xss-response in a FastAPI service, which sends returned values as JSON.
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
api = FastAPI()


@api.get("/hello")
def hello(name: str):
    # bulwark-ok: xss-response (FastAPI sends a returned string as JSON)
    return f"<h1>Hello {name}</h1>"


@api.get("/page")
def page(name: str):
    # bulwark-expect: xss-response
    return HTMLResponse(f"<h1>Hello {name}</h1>")


@api.get("/safe-page")
def safe_page(name: str):
    # bulwark-ok: xss-response (the safe variant: escaped first)
    return HTMLResponse(f"<h1>Hello {html.escape(name)}</h1>")


@api.get("/count/{n}")
def count(n: int):
    # bulwark-ok: xss-response (n is converted to an int by FastAPI)
    return HTMLResponse(f"<p>{n} items</p>")


@api.get("/pages")
def pages(page: int = 1, title: str = ""):
    # bulwark-ok: xss-response (page is converted to an int by FastAPI)
    first = HTMLResponse(f"<p>page {page}</p>")
    # bulwark-expect: xss-response
    second = HTMLResponse(f"<h1>{title}</h1>")
    return first, second
