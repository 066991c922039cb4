# Samples for code/python/hardcoded-secret-key.
import os
# bulwark-expect: hardcoded-secret-key
SECRET_KEY = "django-insecure-7h1s-1s-n0t-s3cr3t-at-all"
# bulwark-expect: hardcoded-secret-key
app.config["SECRET_KEY"] = "a-very-long-production-secret"
# bulwark-ok: hardcoded-secret-key (the safe variant)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
# bulwark-ok: hardcoded-secret-key (an obvious placeholder for local use)
TEST_SECRET_KEY = "changeme-in-production"
