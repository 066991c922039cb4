# Samples for code/python/xml-unsafe-parser.
import xml.etree.ElementTree as ET
from lxml import etree
def load(body):
    # bulwark-expect: xml-unsafe-parser
    root = ET.fromstring(body)
    # bulwark-expect: xml-unsafe-parser
    doc = etree.fromstring(body)
    # bulwark-ok: xml-unsafe-parser (the safe variant: entities are not resolved)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # bulwark-ok: xml-unsafe-parser (serialising is not parsing)
    text = ET.tostring(root)
    return root, doc, parser, text
