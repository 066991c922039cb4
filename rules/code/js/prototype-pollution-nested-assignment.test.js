// Samples for code/js/prototype-pollution-nested-assignment.
function setPath(store, section, key, value) {
  // bulwark-expect: prototype-pollution-nested-assignment
  store[section][key] = value;
}
function setAll(cfg, pairs) {
  for (const [group, name, v] of pairs) {
    // bulwark-expect: prototype-pollution-nested-assignment
    cfg[group][name] = v;
  }
}
function fixed(cfg, value) {
  // bulwark-ok: prototype-pollution-nested-assignment (literal keys are chosen by the developer)
  cfg['server']['port'] = value;
}
function guarded(store, section, key, value) {
  if (section !== '__proto__' && key !== '__proto__') {
    // bulwark-ok: prototype-pollution-nested-assignment (the safe variant: dangerous keys are refused)
    store[section][key] = value;
  }
}
