# Samples for code/ruby/eval-injection.
def compute(expr, field)
  # bulwark-expect: eval-injection
  eval(expr)
  # bulwark-expect: eval-injection
  record.instance_eval("self.#{field}")
  # bulwark-ok: eval-injection (a fixed string)
  eval("1 + 1")
  # bulwark-ok: eval-injection (the safe variant: an allow-listed method call)
  record.public_send(field) if ALLOWED.include?(field)
end
