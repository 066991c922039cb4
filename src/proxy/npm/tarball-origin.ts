/**
 * Whether the proxy may fetch a tarball from `url`: only from the npm upstream's own origin
 * (scheme, host and port), or over http(s) from a host listed in `proxy.tarballHosts`
 * (`host` or `host:port`), so a packument cannot point the proxy at another listener.
 */
export function tarballUrlAllowed(
  url: string,
  upstream: string,
  tarballHosts: readonly string[],
): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.origin === new URL(upstream).origin) return true;
  return tarballHosts.includes(target.host.toLowerCase());
}

/** The host of a tarball URL for a message (never its path or query), or a stand-in. */
export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.host
      : `a ${parsed.protocol.replace(/:$/, '').slice(0, 20)}: URL`;
  } catch {
    return 'a URL that cannot be read';
  }
}
