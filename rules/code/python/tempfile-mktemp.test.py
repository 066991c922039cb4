# Samples for code/python/tempfile-mktemp.
import tempfile
def scratch():
    # bulwark-expect: tempfile-mktemp
    path = tempfile.mktemp()
    # bulwark-expect: tempfile-mktemp
    other = tempfile.mktemp(suffix=".csv")
    # bulwark-ok: tempfile-mktemp (the safe variant)
    fd, safe = tempfile.mkstemp(suffix=".csv")
    # bulwark-ok: tempfile-mktemp (created atomically)
    tmp = tempfile.NamedTemporaryFile(delete=False)
    return path, other, fd, safe, tmp
