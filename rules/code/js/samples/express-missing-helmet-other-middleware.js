// Samples for code/js/express-missing-helmet: other middleware required inline.
const express = require('express');
const app = express();
const unused = require('helmet');
app.use(require('cors')());
// bulwark-expect: express-missing-helmet (helmet is required but never called; cors sets no security headers)
app.listen(3000);
