# Samples for code/python/os-system.
import os
def ping(host):
    # bulwark-expect: os-system
    os.system("ping -c 1 " + host)
    # bulwark-expect: os-system
    out = os.popen(f"nslookup {host}").read()
    # bulwark-ok: os-system (a fixed command)
    os.system("clear")
    # bulwark-ok: os-system (the safe variant: no shell)
    subprocess.run(["ping", "-c", "1", host], check=True)
    return out
