# Samples for code/python/subprocess-shell-true.
import subprocess
def archive(name, out):
    # bulwark-expect: subprocess-shell-true
    subprocess.run(f"tar czf {out} {name}", shell=True, check=True)
    cmd = "du -sh " + name
    # bulwark-expect: subprocess-shell-true
    subprocess.check_output(cmd, shell=True)
    # bulwark-ok: subprocess-shell-true (the safe variant: an argument list, no shell)
    subprocess.run(["tar", "czf", out, name], check=True)
    # bulwark-ok: subprocess-shell-true (a fixed command string)
    subprocess.run("sync", shell=True)


BUILD_CMD = "make -j4 all"


def build(x):
    # bulwark-ok: subprocess-shell-true (an UPPER_CASE constant)
    subprocess.run(BUILD_CMD, shell=True)
    # bulwark-ok: subprocess-shell-true (quoted for the shell)
    subprocess.run(f"ls {shlex.quote(x)}", shell=True)
    # bulwark-expect: subprocess-shell-true
    subprocess.run(f"ls {x}", shell=True)
