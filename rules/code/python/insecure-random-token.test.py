# Samples for code/python/insecure-random-token.
import random, secrets, string
def make_reset_token():
    # bulwark-expect: insecure-random-token
    return "".join(random.choice(string.ascii_letters) for _ in range(32))
# bulwark-expect: insecure-random-token
otp_code = random.randint(100000, 999999)
# bulwark-ok: insecure-random-token (shuffling a playlist needs no secrecy)
order = random.sample(songs, k=10)
# bulwark-ok: insecure-random-token (the safe variant)
session_token = secrets.token_urlsafe(32)
