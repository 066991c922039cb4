// Samples for code/java/weak-cipher.
class Crypto {
  void ciphers() throws Exception {
    // bulwark-expect: weak-cipher
    Cipher a = Cipher.getInstance("DES/CBC/PKCS5Padding");
    // bulwark-expect: weak-cipher
    Cipher b = Cipher.getInstance("AES/ECB/PKCS5Padding");
    // bulwark-ok: weak-cipher (the safe variant)
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    // bulwark-ok: weak-cipher (ChaCha20-Poly1305 is a modern AEAD)
    Cipher d = Cipher.getInstance("ChaCha20-Poly1305");
  }
}
