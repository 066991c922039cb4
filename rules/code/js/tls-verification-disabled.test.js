// Samples for code/js/tls-verification-disabled.
const https = require('https');
// bulwark-expect: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// bulwark-expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// bulwark-ok: tls-verification-disabled (the safe variant: verification with a private CA)
const internal = new https.Agent({ ca: fs.readFileSync('ca.pem') });
// bulwark-ok: tls-verification-disabled (explicitly on)
const strict = new https.Agent({ rejectUnauthorized: true });
// bulwark-expect: tls-verification-disabled
process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
// bulwark-expect: tls-verification-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = "0";
// bulwark-ok: tls-verification-disabled (checks turned back on)
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
