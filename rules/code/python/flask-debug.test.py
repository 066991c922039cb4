# Samples for code/python/flask-debug.
from flask import Flask
app = Flask(__name__)
if __name__ == "__main__":
    # bulwark-expect: flask-debug
    app.run(debug=True)
    # bulwark-expect: flask-debug
    app.run(host="0.0.0.0", port=8080, debug=True)
    # bulwark-ok: flask-debug (the safe variant)
    app.run(host="127.0.0.1", port=8080)
    # bulwark-ok: flask-debug (explicitly off)
    app.run(debug=False)
