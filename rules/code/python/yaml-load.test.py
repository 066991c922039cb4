# Samples for code/python/yaml-load.
import yaml
def read_config(text):
    # bulwark-expect: yaml-load
    a = yaml.load(text)
    # bulwark-expect: yaml-load
    b = yaml.load(text, Loader=yaml.Loader)
    # bulwark-ok: yaml-load (the safe variant)
    c = yaml.safe_load(text)
    # bulwark-ok: yaml-load (an explicit safe loader)
    d = yaml.load(text, Loader=yaml.SafeLoader)
    # bulwark-expect: yaml-load
    e = yaml.unsafe_load(text)
    # bulwark-expect: yaml-load
    f = yaml.full_load(text)
    # bulwark-expect: yaml-load
    g = list(yaml.load_all(text, Loader=yaml.UnsafeLoader))
    # bulwark-ok: yaml-load (every document with the safe loader)
    h = list(yaml.safe_load_all(text))
    # bulwark-ok: yaml-load (the C safe loader)
    i = yaml.load(text, Loader=yaml.CSafeLoader)
    return a, b, c, d, e, f, g, h, i
