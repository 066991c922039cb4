// Samples for code/js/hardcoded-sdk-credentials.
const s3 = new AWS.S3({
  accessKeyId: 'AKIAIOSFODNN7QWERTYU',
  // bulwark-expect: hardcoded-sdk-credentials
  secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzKEYqwerty',
});
// bulwark-expect: hardcoded-sdk-credentials
const pool = mysql.createPool({ host: 'db', user: 'app', password: 'Pr0d-Passw0rd!' });
// bulwark-ok: hardcoded-sdk-credentials (the safe variant: read from the environment)
const client = new Stripe({ apiKey: process.env.STRIPE_KEY });
// bulwark-ok: hardcoded-sdk-credentials (an obvious placeholder)
const local = mysql.createPool({ host: 'localhost', password: 'changeme' });
