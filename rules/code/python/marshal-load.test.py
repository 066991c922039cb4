# Samples for code/python/marshal-load.
import marshal
def restore(blob, fh):
    # bulwark-expect: marshal-load
    a = marshal.loads(blob)
    # bulwark-expect: marshal-load
    b = marshal.load(fh)
    # bulwark-ok: marshal-load (the safe variant)
    c = json.loads(blob)
    # bulwark-ok: marshal-load (writing runs nothing)
    marshal.dump(c, fh)
    return a, b, c
