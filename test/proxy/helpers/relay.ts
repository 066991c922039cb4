import { recorder, type Recorder } from './recorder.js';

/** How a relay changes what it passes on. */
export interface RelayOptions {
  /** Where packuments place tarballs instead of the upstream (default: the relay itself). */
  tarballsAt?: (relayUrl: string) => string;
  /** Hold each tarball answer this long. */
  tarballDelayMs?: number;
  /** Told of each tarball path asked for. */
  onTarball?: (path: string) => void;
}

/**
 * A registry on loopback in front of `upstreamUrl`: it passes every request on, and rewrites
 * the upstream's URL in documents (packuments) to where `tarballsAt` says.
 */
export function startRelay(upstreamUrl: string, options: RelayOptions = {}): Promise<Recorder> {
  return recorder((req, res, relayUrl) => {
    const path = req.url ?? '/';
    void fetch(`${upstreamUrl}${path}`).then(async (answer) => {
      let body = Buffer.from(await answer.arrayBuffer());
      if (path.endsWith('.tgz')) {
        options.onTarball?.(path);
        if (options.tarballDelayMs)
          await new Promise((resolve) => setTimeout(resolve, options.tarballDelayMs));
      } else {
        const to = options.tarballsAt?.(relayUrl) ?? relayUrl;
        body = Buffer.from(body.toString('utf8').replaceAll(upstreamUrl, to));
      }
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(body);
    });
  });
}
