# Samples for code/python/os-system.
import asyncio
import os
import shlex
import subprocess
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


BUILD_CMD = "make -j4 all"


def build(target):
    # bulwark-ok: os-system (an UPPER_CASE constant)
    os.system(BUILD_CMD)
    flags = "-j4"
    # bulwark-ok: os-system (flags is bound to a literal)
    os.system("make " + flags)
    # bulwark-ok: os-system (quoted for the shell)
    os.system(f"make {shlex.quote(target)}")
    # bulwark-expect: os-system
    os.system(f"make {target}")


async def compress(path):
    # bulwark-expect: os-system
    proc = await asyncio.create_subprocess_shell("gzip " + path)
    # bulwark-ok: os-system (the safe variant: an argument list, no shell)
    safe = await asyncio.create_subprocess_exec("gzip", path)
    # bulwark-ok: os-system (quoted for the shell)
    quoted = await asyncio.create_subprocess_shell("gzip " + shlex.quote(path), stdout=PIPE)
    return proc, safe, quoted
