# Samples for code/python/pickle-load.
import pickle
import json
def restore(blob, path):
    # bulwark-expect: pickle-load
    state = pickle.loads(blob)
    with open(path, "rb") as fh:
        # bulwark-expect: pickle-load
        cache = pickle.load(fh)
    # bulwark-ok: pickle-load (the safe variant: JSON builds only data)
    data = json.loads(blob)
    # bulwark-ok: pickle-load (writing a pickle runs nothing)
    pickle.dump(state, open(path, "wb"))
    return state, cache, data
