# Samples for code/python/ssl-unverified-context.
import ssl
# bulwark-expect: ssl-unverified-context
ctx = ssl._create_unverified_context()
strict = ssl.create_default_context()
# bulwark-expect: ssl-unverified-context
strict.verify_mode = ssl.CERT_NONE
# bulwark-ok: ssl-unverified-context (the safe variant)
good = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
# bulwark-ok: ssl-unverified-context (verification required)
good.verify_mode = ssl.CERT_REQUIRED
