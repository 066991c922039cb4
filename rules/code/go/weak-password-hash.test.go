// Samples for code/go/weak-password-hash.
package auth
func hash(password string, body []byte) {
	// bulwark-expect: weak-password-hash
	a := md5.Sum([]byte(password))
	// bulwark-expect: weak-password-hash
	b := sha256.Sum256([]byte(salt + password))
	// bulwark-ok: weak-password-hash (a checksum of a body is fine)
	c := md5.Sum(body)
	// bulwark-ok: weak-password-hash (the safe variant)
	d, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	_, _, _, _ = a, b, c, d
}
