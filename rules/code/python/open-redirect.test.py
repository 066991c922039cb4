# Samples for code/python/open-redirect.
from flask import request, redirect, url_for
@app.route("/login/done")
def done():
    target = request.args.get("next")
    # bulwark-expect: open-redirect
    return redirect(target)
def legacy(request):
    # bulwark-expect: open-redirect
    return HttpResponseRedirect(request.GET["to"])
@app.route("/home")
def home():
    # bulwark-ok: open-redirect (the safe variant: an internal route)
    return redirect(url_for("index"))
@app.route("/fixed")
def fixed():
    # bulwark-ok: open-redirect (a fixed path)
    return redirect("/dashboard")
@app.route("/items")
def items():
    # bulwark-ok: open-redirect (a fixed path segment in front keeps the target on this site)
    first = redirect('/items/' + request.args['id'])
    # bulwark-ok: open-redirect (a fixed path segment in front keeps the target on this site)
    second = redirect(f"/items/{request.args['id']}")
    # bulwark-expect: open-redirect (a bare "/" in front: "/" + "/evil.example" is another site)
    third = redirect("/" + request.args["path"])
    # bulwark-expect: open-redirect
    return redirect(f"/{request.args['path']}")
@app.route("/checked")
def checked():
    target = request.args.get("next", "/")
    if target not in ALLOWED_TARGETS:
        abort(400)
    # bulwark-ok: open-redirect (after an abort for values not on the allow-list)
    return redirect(target)
@app.route("/slash")
def slash():
    target = request.args.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        abort(400)
    # bulwark-ok: open-redirect (a path on this site: starts with one "/", not two)
    return redirect(target)
@app.route("/slash-only")
def slash_only():
    target = request.args.get("next", "/")
    if not target.startswith("/"):
        abort(400)
    # bulwark-expect: open-redirect (startswith("/") alone lets "//evil.example" through)
    return redirect(target)
