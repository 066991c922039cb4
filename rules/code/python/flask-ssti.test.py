# Samples for code/python/flask-ssti.
from flask import request, render_template_string
@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # bulwark-expect: flask-ssti
    return render_template_string("<h1>Hello " + name + "</h1>")
@app.route("/page")
def page():
    # bulwark-expect: flask-ssti
    tpl = env.from_string(request.form["template"])
    # bulwark-ok: flask-ssti (the safe variant: the user value is a variable, not template code)
    out = render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name"))
    # bulwark-ok: flask-ssti (a fixed template)
    fixed = render_template_string("<p>ok</p>")
    return tpl.render() + out + fixed
