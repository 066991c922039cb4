/**
 * Whether a PyPI file download may follow a redirect to `target`: to any https host (PyPI and
 * its mirrors serve files from other hosts than the index, such as files.pythonhosted.org),
 * or to the index's own origin over http. The bytes are checked against the index's sha256
 * whatever host serves them.
 */
export function pypiFileRedirectAllowed(target: URL, index: string | undefined): boolean {
  if (target.protocol === 'https:') return true;
  return index !== undefined && target.origin === new URL(index).origin;
}
