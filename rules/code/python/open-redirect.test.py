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
