# Samples for code/python/weak-password-hash.
import hashlib
def store(user, password):
    # bulwark-expect: weak-password-hash
    user.pw = hashlib.md5(password.encode()).hexdigest()
    # bulwark-expect: weak-password-hash
    user.pw2 = hashlib.sha256((user.salt + password).encode()).hexdigest()
    # bulwark-ok: weak-password-hash (a checksum of a file is fine)
    user.etag = hashlib.md5(user.avatar_bytes).hexdigest()
    # bulwark-ok: weak-password-hash (the safe variant: a slow, salted function)
    user.key = hashlib.scrypt(password.encode(), salt=user.salt, n=2**14, r=8, p=1)
    # bulwark-expect: weak-password-hash
    user.pw3 = hashlib.new('md5', password.encode()).hexdigest()
    # bulwark-ok: weak-password-hash (hashlib.new of a file's bytes is a checksum)
    user.sum = hashlib.new('sha1', user.avatar_bytes).hexdigest()


def hash_pw2(pw):
    # bulwark-expect: weak-password-hash
    return hashlib.sha256(pw.encode()).hexdigest()


def change(user, new_pw):
    # bulwark-expect: weak-password-hash
    user.digest = hashlib.sha256(new_pw.encode()).hexdigest()
    # bulwark-ok: weak-password-hash (the safe variant: a slow, salted function)
    user.key = hashlib.scrypt(new_pw.encode(), salt=user.salt, n=2**14, r=8, p=1)
    # bulwark-ok: weak-password-hash (pw is part of another word: a checksum of a file)
    user.sum = hashlib.sha256(pwned_list_bytes).hexdigest()
    # bulwark-ok: weak-password-hash (an e-mail address, not a password)
    user.token = hashlib.sha256(user.email.encode()).hexdigest()
