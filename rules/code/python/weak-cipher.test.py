# Samples for code/python/weak-cipher.
from Crypto.Cipher import AES, DES
def seal(key, data):
    # bulwark-expect: weak-cipher
    a = DES.new(key, DES.MODE_CBC)
    # bulwark-expect: weak-cipher
    b = AES.new(key, AES.MODE_ECB)
    # bulwark-ok: weak-cipher (the safe variant: an authenticated mode)
    c = AES.new(key, AES.MODE_GCM)
    # bulwark-ok: weak-cipher (EAX is authenticated too)
    d = AES.new(key, AES.MODE_EAX)
    return a, b, c, d, data
