// Samples for code/js/buffer-constructor.
function encode(input, size) {
  // bulwark-expect: buffer-constructor
  const a = new Buffer(input);
  // bulwark-expect: buffer-constructor
  const b = new Buffer(size);
  // bulwark-ok: buffer-constructor (the safe variant)
  const c = Buffer.from(input);
  // bulwark-ok: buffer-constructor (zero-filled allocation)
  const d = Buffer.alloc(size);
  return [a, b, c, d];
}
