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
    return a, b, c, d
