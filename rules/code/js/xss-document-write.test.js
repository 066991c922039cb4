// Samples for code/js/xss-document-write.
const params = new URLSearchParams(location.search);
// bulwark-expect: xss-document-write
document.write('<h2>Results for ' + params.get('q') + '</h2>');
// bulwark-expect: xss-document-write
document.writeln(`<a href="${document.referrer}">back</a>`);
// bulwark-ok: xss-document-write (a fixed string)
document.write('<p>Loading...</p>');
const heading = document.createElement('h2');
// bulwark-ok: xss-document-write (the safe variant: text content, no markup)
heading.textContent = `Results for ${params.get('q')}`;
