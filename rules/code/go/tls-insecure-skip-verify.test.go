// Samples for code/go/tls-insecure-skip-verify.
package client
func clients(pool *x509.CertPool) {
	// bulwark-expect: tls-insecure-skip-verify
	a := &tls.Config{InsecureSkipVerify: true}
	b := &http.Transport{TLSClientConfig: &tls.Config{
		// bulwark-expect: tls-insecure-skip-verify
		InsecureSkipVerify: true,
	}}
	// bulwark-ok: tls-insecure-skip-verify (the safe variant: a private CA pool)
	c := &tls.Config{RootCAs: pool}
	// bulwark-ok: tls-insecure-skip-verify (explicitly off)
	d := &tls.Config{InsecureSkipVerify: false}
	_, _, _, _ = a, b, c, d
}
