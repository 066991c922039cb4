# Samples for code/python/jinja2-autoescape-off.
import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape
# bulwark-expect: jinja2-autoescape-off
env = jinja2.Environment(loader=FileSystemLoader("templates"))
# bulwark-expect: jinja2-autoescape-off
raw = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# bulwark-ok: jinja2-autoescape-off (the safe variant)
safe = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
# bulwark-ok: jinja2-autoescape-off (escaping on)
on = jinja2.Environment(autoescape=True)
