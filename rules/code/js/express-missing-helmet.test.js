// Samples for code/js/express-missing-helmet.
const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('ok'));
// bulwark-expect: express-missing-helmet
app.listen(3000);
// bulwark-expect: express-missing-helmet
app.listen(process.env.PORT, () => console.log('up'));
// bulwark-ok: express-missing-helmet (a server that is not the Express app)
const metrics = http.createServer(handler);
// bulwark-ok: express-missing-helmet (a plain function call named listen on an emitter)
emitter.on('listen', () => undefined);
