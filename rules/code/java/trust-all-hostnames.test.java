// Samples for code/java/trust-all-hostnames.
class Clients {
  void clients(HttpsURLConnection conn) {
    // bulwark-expect: trust-all-hostnames
    conn.setHostnameVerifier((host, session) -> true);
    // bulwark-expect: trust-all-hostnames
    HttpClients.custom().setSSLHostnameVerifier(new NoopHostnameVerifier()).build();
    // bulwark-ok: trust-all-hostnames (the safe variant: the default verifier)
    HttpClients.createDefault();
    // bulwark-ok: trust-all-hostnames (a verifier that really checks)
    conn.setHostnameVerifier((host, session) -> host.equals("api.example.com"));
  }
}
