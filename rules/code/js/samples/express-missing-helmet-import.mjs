// Samples for code/js/express-missing-helmet: helmet imported as an ES module.
import express from 'express';
import helmet from 'helmet';

const app = express();
app.use(helmet());
// bulwark-ok: express-missing-helmet (helmet is imported and used)
app.listen(3000);
