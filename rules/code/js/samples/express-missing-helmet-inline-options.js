// Samples for code/js/express-missing-helmet: helmet required inline with options.
const express = require("express");
const app = express();
app.use(require("helmet")({ contentSecurityPolicy: false }));
// bulwark-ok: express-missing-helmet (helmet is required with double quotes and given options)
app.listen(process.env.PORT);
