// Samples for code/go/ssrf.
package web
func preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// bulwark-expect: ssrf
	resp, _ := http.Get(target)
	// bulwark-expect: ssrf
	req, _ := http.NewRequest("GET", "http://"+r.FormValue("host")+"/status", nil)
	// bulwark-ok: ssrf (a fixed URL)
	health, _ := http.Get("https://status.example.com/health")
	// bulwark-ok: ssrf (the user value is only an escaped path segment)
	item, _ := http.Get("https://api.example.com/items/" + url.PathEscape(id))
	_, _, _, _ = resp, req, health, item
}
