# Samples for code/ruby/marshal-load.
def restore(cookie, data)
  # bulwark-expect: marshal-load
  a = Marshal.load(Base64.decode64(cookie))
  # bulwark-expect: marshal-load
  b = Marshal.restore(data)
  # bulwark-ok: marshal-load (dumping runs nothing)
  c = Marshal.dump(a)
  # bulwark-ok: marshal-load (the safe variant)
  d = JSON.parse(data)
  [a, b, c, d]
end
