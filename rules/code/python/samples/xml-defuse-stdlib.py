# Samples for code/python/xml-unsafe-parser where defusedxml hardens the standard library.
import defusedxml
import xml.etree.ElementTree as ET
defusedxml.defuse_stdlib()
def load(body):
    # bulwark-ok: xml-unsafe-parser (defuse_stdlib() replaced the standard parsers)
    root = ET.fromstring(body)
    # bulwark-ok: xml-unsafe-parser (the same for parse)
    tree = ET.parse("feed.xml")
    return root, tree
