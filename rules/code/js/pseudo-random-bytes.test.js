// Samples for code/js/pseudo-random-bytes.
const crypto = require('crypto');
// bulwark-expect: pseudo-random-bytes
const salt = crypto.pseudoRandomBytes(16);
// bulwark-expect: pseudo-random-bytes
crypto.pseudoRandomBytes(32, (err, buf) => console.log(err, buf));
// bulwark-ok: pseudo-random-bytes (the safe variant)
const key = crypto.randomBytes(32);
// bulwark-ok: pseudo-random-bytes (a UUID from the strong generator)
const id = crypto.randomUUID();
