# Samples for code/python/xml-unsafe-parser in a module that imports defusedxml beside the standard library parser.
import xml.etree.ElementTree as ET
from defusedxml.ElementTree import fromstring as safe_fromstring
def upload(body):
    # bulwark-expect: xml-unsafe-parser
    root = ET.fromstring(body)
    # bulwark-ok: xml-unsafe-parser (defusedxml's parser under another name)
    safe_root = safe_fromstring(body)
    # bulwark-expect: xml-unsafe-parser
    tree = ET.parse("upload.xml")
    return root, safe_root, tree
