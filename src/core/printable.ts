// C0 and C1 control characters other than tab: a scanned file or package name could carry
// terminal escape sequences that rewrite the screen (erase a finding, fake one).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** Show control characters from scanned content as visible `\xNN` escapes. */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
