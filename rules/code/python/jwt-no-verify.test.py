# Samples for code/python/jwt-no-verify.
import jwt
def claims(token, key):
    # bulwark-expect: jwt-no-verify
    a = jwt.decode(token, options={"verify_signature": False})
    # bulwark-expect: jwt-no-verify
    b = jwt.decode(token, key, verify=False)
    # bulwark-ok: jwt-no-verify (the safe variant)
    c = jwt.decode(token, key, algorithms=["RS256"])
    # bulwark-ok: jwt-no-verify (other options with verification on)
    d = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp"]})
    return a, b, c, d
