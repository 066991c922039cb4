// Samples for code/go/weak-cipher.
package seal
func ciphers(key []byte) {
	// bulwark-expect: weak-cipher
	a, _ := des.NewCipher(key)
	// bulwark-expect: weak-cipher
	b, _ := rc4.NewCipher(key)
	// bulwark-ok: weak-cipher (the safe variant)
	c, _ := aes.NewCipher(key)
	// bulwark-ok: weak-cipher (an AEAD mode on top of AES)
	d, _ := cipher.NewGCM(c)
	_, _, _ = a, b, d
}
