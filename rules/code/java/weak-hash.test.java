// Samples for code/java/weak-hash.
class Digests {
  void digests() throws Exception {
    // bulwark-expect: weak-hash
    MessageDigest a = MessageDigest.getInstance("MD5");
    // bulwark-expect: weak-hash
    MessageDigest b = MessageDigest.getInstance("SHA-1");
    // bulwark-ok: weak-hash (the safe variant)
    MessageDigest c = MessageDigest.getInstance("SHA-256");
    // bulwark-ok: weak-hash (SHA-3 is not broken)
    MessageDigest d = MessageDigest.getInstance("SHA3-256");
  }
}
