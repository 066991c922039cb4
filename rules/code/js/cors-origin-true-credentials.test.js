// Samples for code/js/cors-origin-true-credentials.
const cors = require('cors');
// bulwark-expect: cors-origin-true-credentials
app.use(cors({ origin: true, credentials: true }));
// bulwark-expect: cors-origin-true-credentials
const options = { origin: (origin, cb) => cb(null, true), credentials: true };
// bulwark-ok: cors-origin-true-credentials (the safe variant: an explicit allow-list)
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// bulwark-ok: cors-origin-true-credentials (any origin but no credentials)
app.use(cors({ origin: true }));
