// Samples for code/java/unsafe-deserialization.
class Sessions {
  Object load(InputStream body) throws Exception {
    ObjectInputStream in = new ObjectInputStream(body);
    // bulwark-expect: unsafe-deserialization
    return in.readObject();
  }
  Object loadAgain(byte[] data) throws Exception {
    ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(data));
    // bulwark-expect: unsafe-deserialization
    Object value = ois.readObject();
    return value;
  }
  Object filtered(InputStream body) throws Exception {
    ObjectInputStream in = new ObjectInputStream(body);
    in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.*;!*"));
    // bulwark-ok: unsafe-deserialization (the safe variant: an allow-list filter)
    return in.readObject();
  }
  Object json(String body) throws Exception {
    // bulwark-ok: unsafe-deserialization (JSON mapping to a fixed class)
    return mapper.readValue(body, Session.class);
  }
}
