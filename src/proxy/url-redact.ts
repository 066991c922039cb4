/** `scheme://user:password@` in a URL: the password is what must not be shown. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"']*):[^\s/?#@"']*@/gi;

/** `scheme://TOKEN@`: a user name with no password, which a registry URL uses as a token. */
const TOKEN_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:"']+@/gi;

/**
 * A query parameter's value (a signed or tokened download URL carries its credential there),
 * not counting punctuation that ends the sentence around the URL (`...?x=1: connect refused`).
 */
const QUERY_VALUE = /([?&][^\s=&#"']+=)[^\s&#"']+?(?=[&#"'\s]|[:,;.)]+(?:\s|$)|$)/g;

/**
 * Text with every URL in it made safe to show to a client or write to a log: the password of
 * `user:password@`, a user name given without a password (`https://TOKEN@host/`, a token) and
 * the value of every query parameter are replaced with `***`
 * (`https://ci:***@registry.example.com/x.tgz?token=***`). Hosts and paths stay as they are.
 */
export function redactUrls(text: string): string {
  if (!text.includes('://')) return text;
  return text
    .replace(USERINFO, '$1:***@')
    .replace(TOKEN_USERINFO, '$1***@')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"']*/gi, (url) => url.replace(QUERY_VALUE, '$1***'));
}
