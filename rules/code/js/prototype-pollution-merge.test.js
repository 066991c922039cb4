// Samples for code/js/prototype-pollution-merge.
function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object') merge(target[key], source[key]);
    // bulwark-expect: prototype-pollution-merge
    else target[key] = source[key];
  }
}
function assignAll(dst, src) {
  for (const k of Object.keys(src)) {
    // bulwark-expect: prototype-pollution-merge
    dst[k] = src[k];
  }
}
function safeMerge(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor') continue;
    // bulwark-ok: prototype-pollution-merge (the safe variant: dangerous keys are skipped)
    target[key] = source[key];
  }
}
function copyOwn(target, source) {
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    // bulwark-ok: prototype-pollution-merge (only own keys are copied)
    target[key] = source[key];
  }
}
