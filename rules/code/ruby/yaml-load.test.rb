# Samples for code/ruby/yaml-load.
def import(body, path)
  # bulwark-expect: yaml-load
  a = YAML.load(body)
  # bulwark-expect: yaml-load
  b = YAML.unsafe_load(File.read(path))
  # bulwark-ok: yaml-load (the safe variant)
  c = YAML.safe_load(body, permitted_classes: [Date])
  # bulwark-ok: yaml-load (JSON builds only data)
  d = JSON.parse(body)
  [a, b, c, d]
end
