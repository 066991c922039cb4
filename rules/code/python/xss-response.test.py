# Samples for code/python/xss-response.
import html
import bleach
import markupsafe
from flask import Flask, request, make_response, render_template, jsonify, Markup, escape
app = Flask(__name__)


@app.route("/hello")
def hello():
    # bulwark-expect: xss-response
    return "<h1>" + request.args["n"] + "</h1>"


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    # bulwark-ok: xss-response (the safe variant: the template escapes name)
    page = render_template("greet.html", name=name)
    # bulwark-ok: xss-response (escaped before it is put into HTML)
    safe = "<h1>Hello " + escape(name) + "</h1>"
    # bulwark-ok: xss-response (escaped with markupsafe)
    also = "<p>%s</p>" % markupsafe.escape(name)
    # bulwark-expect: xss-response
    return "<h1>Hello %s</h1>" % name, 200


@app.route("/search")
def search():
    q = request.args["q"]
    # bulwark-expect: xss-response
    resp = make_response("<p>" + q)
    # bulwark-ok: xss-response (html.escape makes the value text)
    clean = make_response("<p>" + html.escape(q) + "</p>")
    # bulwark-ok: xss-response (bleach keeps only allowed tags)
    comment = make_response(bleach.clean(request.form["comment"]))
    # bulwark-ok: xss-response (declared as plain text, not HTML)
    plain = Response(q, mimetype="text/plain")
    # bulwark-ok: xss-response (a Content-Type header other than HTML)
    text = make_response(q, 200, {"Content-Type": "text/plain; charset=utf-8"})
    # bulwark-expect: xss-response
    page = make_response("<p>" + q, 200, {"Content-Type": "text/html"})
    return resp, clean, comment, plain, text, page


@app.route("/echo")
def echo():
    # bulwark-ok: xss-response (sent as plain text)
    return request.args["q"], 200, {"Content-Type": "text/plain"}


@app.route("/bold")
def bold():
    # bulwark-expect: xss-response
    label = Markup("<b>%s</b>" % request.args["x"])
    # bulwark-ok: xss-response (Markup's % operator escapes its arguments)
    safe = Markup("<b>%s</b>") % request.args["x"]
    # bulwark-ok: xss-response (Markup.escape escapes the value)
    tag = Markup("<i>%s</i>" % Markup.escape(request.args["x"]))
    # bulwark-ok: xss-response (JSON, not HTML)
    return jsonify(tag=tag, label=label, safe=safe, q=request.args["x"])


@app.route("/api/item/<item_id>")
def item(item_id):
    # bulwark-ok: xss-response (a dict is sent as JSON)
    return {"id": item_id}


@app.route("/page/<int:page>")
def page(page):
    def title():
        # bulwark-ok: xss-response (a helper's return value, not the route's response)
        return "Page " + str(page)
    # bulwark-ok: xss-response (the safe variant: the value is escaped)
    return "<title>" + escape(title()) + "</title>" + f"<p>{html.escape(request.args['q'])}</p>"


@app.get("/tag/<tag>")
def tag(tag):
    # bulwark-expect: xss-response
    return f"<span class='tag'>{tag}</span>"


def search_view(request):
    q = request.GET.get("q", "")
    # bulwark-expect: xss-response
    html_page = HttpResponse("Results for " + q)
    # bulwark-ok: xss-response (escaped with Django's escape)
    safe_page = HttpResponse("Results for " + escape(q))
    # bulwark-ok: xss-response (JSON with its content type)
    data = HttpResponse(json.dumps({"q": q}), content_type="application/json")
    # bulwark-ok: xss-response (the content type, given as the second argument, is JSON)
    data2 = HttpResponse(json.dumps({"q": q}), "application/json")
    # bulwark-expect: xss-response
    page2 = HttpResponse("<p>" + q + "</p>", "text/html; charset=utf-8")
    # bulwark-expect: xss-response
    banner = mark_safe("<div>" + request.GET["msg"] + "</div>")
    return html_page, safe_page, data, data2, page2, banner
