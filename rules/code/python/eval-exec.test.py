# Samples for code/python/eval-exec.
import ast
def calc(expr, script):
    # bulwark-expect: eval-exec
    value = eval(expr)
    # bulwark-expect: eval-exec
    exec(script, {"__builtins__": {}})
    # bulwark-ok: eval-exec (the safe variant: literals only)
    safe = ast.literal_eval(expr)
    # bulwark-ok: eval-exec (a fixed expression)
    fixed = eval("1 + 1")
    return value, safe, fixed
