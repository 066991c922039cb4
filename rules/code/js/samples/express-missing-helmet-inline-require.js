// Samples for code/js/express-missing-helmet: helmet required where it is used.
const express = require('express');
const app = express();
app.use(require('helmet')());
app.get('/', (req, res) => res.send('ok'));
// bulwark-ok: express-missing-helmet (helmet is required and called inline)
app.listen(3000);
// bulwark-ok: express-missing-helmet (the same app on a second port)
app.listen(3001);
