# Samples for code/python/xml-unsafe-parser in modules that use defusedxml.
from defusedxml import ElementTree as ET
def load(body):
    # bulwark-ok: xml-unsafe-parser (ET is defusedxml's ElementTree here)
    root = ET.fromstring(body)
    # bulwark-ok: xml-unsafe-parser (the same, reading a file)
    tree = ET.parse("feed.xml")
    return root, tree
