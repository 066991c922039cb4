// Samples for code/js/template-escape-off.
const nunjucks = require('nunjucks');
// bulwark-expect: template-escape-off
nunjucks.configure('views', { autoescape: false, express: app });
// bulwark-expect: template-escape-off
const render = Handlebars.compile(source, { noEscape: true });
// bulwark-ok: template-escape-off (the safe variant: escaping stays on)
nunjucks.configure('views', { autoescape: true, express: app });
// bulwark-ok: template-escape-off (escaping is the Handlebars default)
const page = Handlebars.compile(source, { strict: true });
