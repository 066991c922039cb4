# Samples for code/python/requests-verify-false.
import requests
def fetch(url, token):
    # bulwark-expect: requests-verify-false
    r = requests.get(url, headers={"Authorization": token}, verify=False)
    # bulwark-expect: requests-verify-false
    p = requests.post(url, json={}, verify=False)
    # bulwark-ok: requests-verify-false (the safe variant: a private CA bundle)
    q = requests.get(url, verify="/etc/ssl/internal-ca.pem")
    # bulwark-ok: requests-verify-false (verification is on by default)
    s = requests.get(url, timeout=10)
    return r, p, q, s


def session_client():
    session = requests.Session()
    # bulwark-expect: requests-verify-false
    session.verify = False
    # bulwark-ok: requests-verify-false (a private CA bundle)
    session.verify = "/etc/ssl/internal-ca.pem"
    return session
