// Samples for code/java/xxe-document-builder.
class Importer {
  Document read(InputStream in) throws Exception {
    // bulwark-expect: xxe-document-builder
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    // bulwark-expect: xxe-document-builder
    SAXParserFactory spf = SAXParserFactory.newInstance();
    // bulwark-ok: xxe-document-builder (creating a builder from a factory is not the factory call)
    DocumentBuilder builder = dbf.newDocumentBuilder();
    // bulwark-ok: xxe-document-builder (writing XML does not parse entities)
    XMLOutputFactory out = XMLOutputFactory.newInstance();
    return builder.parse(in);
  }
}
