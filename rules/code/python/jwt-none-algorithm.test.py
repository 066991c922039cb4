# Samples for code/python/jwt-none-algorithm.
import jwt
from jose import jws


def claims(tok, key):
    # bulwark-expect: jwt-none-algorithm
    a = jwt.decode(tok, key, algorithms=["HS256", "none"])
    # bulwark-expect: jwt-none-algorithm
    b = jwt.decode(tok, key, algorithms=("RS256", 'NONE'))
    # bulwark-ok: jwt-none-algorithm (the safe variant: only the algorithm the tokens are signed with)
    c = jwt.decode(tok, key, algorithms=["HS256"])
    # bulwark-ok: jwt-none-algorithm ("none" is another argument, not an algorithm)
    d = jwt.decode(tok, key, algorithms=["HS256"], audience="none")
    return a, b, c, d


def issue(claims):
    # bulwark-expect: jwt-none-algorithm
    unsigned = jwt.encode(claims, None, algorithm="none")
    # bulwark-ok: jwt-none-algorithm (signed with HS256)
    signed = jwt.encode(claims, SECRET, algorithm="HS256")
    # bulwark-expect: jwt-none-algorithm
    payload = jws.verify(unsigned, SECRET, algorithms=["none"])
    return signed, payload
