import { Agent, request } from 'undici';

import { redactUrls } from './url-redact.js';

/** Why an upstream request failed: unreachable (network), too slow, or an unusable answer. */
export class UpstreamError extends Error {
  readonly kind: 'unreachable' | 'timeout' | 'bad-response';

  /** The message is made safe first: URL passwords, tokens and query values in it are masked. */
  constructor(
    kind: 'unreachable' | 'timeout' | 'bad-response',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(redactUrls(message), options);
    this.name = 'UpstreamError';
    this.kind = kind;
  }
}

/** An upstream answer to a conditional GET. */
export type UpstreamDocument =
  { status: 200; body: Buffer; etag?: string } | { status: 304 } | { status: 404 };

/** The outcome of the latest request to one upstream, for the health endpoint. */
export interface UpstreamContact {
  /** When a request to it last got an HTTP answer (any status), as an ISO time. */
  lastAnsweredAt: string | null;
  /** When a request to it last failed to get one (unreachable or timed out), as an ISO time. */
  lastFailedAt: string | null;
  /** Whether the latest request got an HTTP answer. */
  reachable: boolean;
}

/** Whether a redirect to `target` (an http or https URL) may be followed. */
export type RedirectAllowed = (target: URL) => boolean;

/** Fetches metadata and files from an upstream registry with timeouts and size limits. */
export interface UpstreamClient {
  /** GET a metadata document, revalidating with `etag` when given. */
  document(url: string, accept: string, etag?: string): Promise<UpstreamDocument>;
  /**
   * GET a file's bytes; refuses bodies larger than `maxBytes`. Redirects are followed (up to 5)
   * to http(s) URLs that `allowRedirect` accepts; without it, only to the origin of `url` or of
   * a registered upstream base.
   */
  file(url: string, maxBytes: number, allowRedirect?: RedirectAllowed): Promise<Buffer>;
  /** Start a GET whose body is piped back to the client unchanged (search). */
  passthrough(url: string): Promise<{ status: number; type: string; body: Buffer }>;
  /** Milliseconds each completed upstream request took, for metrics. */
  onTiming?: (ms: number) => void;
  /**
   * How the latest request under the upstream base of `url` went (the longest registered base
   * the URL starts with, else its origin); undefined before the first one.
   */
  contact(url: string): UpstreamContact | undefined;
  close(): Promise<void>;
}

/** Largest metadata document accepted from the upstream (the biggest packuments are ~100 MB). */
const MAX_DOCUMENT = 256 * 1024 * 1024;

/** How many redirects one request follows. */
const MAX_REDIRECTS = 5;

/** HTTP statuses that redirect a GET to the URL in `location`. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A registered upstream base: where it starts, and the credentials of its URL. */
interface Base {
  /** `origin` plus path, ending in `/`, without credentials. */
  prefix: string;
  origin: string;
  authorization?: string;
}

/** A URL ready to request: credentials moved out of it into a header. */
interface Target {
  url: URL;
  authorization?: string;
}

/**
 * An undici-based client; `timeoutMs` bounds connecting, waiting for headers and each wait for
 * body data, and `bodyTotalMs` bounds reading a whole body, so a body that trickles in a byte
 * at a time fails too. `bases` are the upstream base URLs (npm registry, PyPI index): the
 * `user:password@` of each is sent as an `Authorization: Basic` header to its origin (never
 * in the URL, never to another origin), and health is kept per base.
 */
export function createUpstreamClient(
  timeoutMs: number,
  userAgent: string,
  bodyTotalMs = 300_000,
  bases: readonly string[] = [],
): UpstreamClient {
  const agent = new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections: 64,
  });
  const registered = bases
    .map(baseOf)
    .filter((base): base is Base => base !== undefined)
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const baseOrigins = new Set(registered.map((base) => base.origin));
  /** The default redirect rule: the request's own origin or a registered base's origin. */
  const upstreamOrigins =
    (from: URL): RedirectAllowed =>
    (target) =>
      target.origin === from.origin || baseOrigins.has(target.origin);

  const client: UpstreamClient = {
    async document(url, accept, etag) {
      const headers: Record<string, string> = { accept, 'user-agent': userAgent };
      if (etag) headers['if-none-match'] = etag;
      const deadline = AbortSignal.timeout(bodyTotalMs);
      const { res, shown } = await get(url, headers, undefined, deadline);
      if (res.statusCode === 304) return drain(res, { status: 304 });
      if (res.statusCode === 404 || res.statusCode === 410) return drain(res, { status: 404 });
      if (res.statusCode !== 200) {
        await res.body.dump();
        throw new UpstreamError('bad-response', `upstream answered ${res.statusCode} for ${shown}`);
      }
      const body = await readLimited(res.body, MAX_DOCUMENT, shown, deadline);
      const tag = res.headers.etag;
      return { status: 200, body, etag: typeof tag === 'string' ? tag : undefined };
    },
    async file(url, maxBytes, allowRedirect) {
      const deadline = AbortSignal.timeout(bodyTotalMs);
      const { res, shown } = await get(url, { 'user-agent': userAgent }, allowRedirect, deadline);
      if (res.statusCode !== 200) {
        await res.body.dump();
        throw new UpstreamError('bad-response', `upstream answered ${res.statusCode} for ${shown}`);
      }
      return readLimited(res.body, maxBytes, shown, deadline);
    },
    async passthrough(url) {
      const { res, shown } = await get(url, {
        'user-agent': userAgent,
        accept: 'application/json',
      });
      const type = res.headers['content-type'];
      const body = await readLimited(res.body, MAX_DOCUMENT, shown);
      return {
        status: res.statusCode,
        type: typeof type === 'string' ? type : 'application/json',
        body,
      };
    },
    contact(url) {
      return contacts.get(contactKey(url));
    },
    async close() {
      await agent.close();
    },
  };
  const contacts = new Map<string, UpstreamContact>();

  /** The longest registered base `url` starts with, else its origin. */
  function contactKey(url: string | URL): string {
    let parsed: URL;
    try {
      parsed = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return String(url);
    }
    const plain = withoutCredentials(parsed);
    const path = plain.pathname.endsWith('/') ? plain.href : `${plain.origin}${plain.pathname}/`;
    return registered.find((base) => path.startsWith(base.prefix))?.prefix ?? plain.origin;
  }

  function record(url: URL, reachable: boolean): void {
    const key = contactKey(url);
    const now = new Date().toISOString();
    const last = contacts.get(key);
    contacts.set(key, {
      lastAnsweredAt: reachable ? now : (last?.lastAnsweredAt ?? null),
      lastFailedAt: reachable ? (last?.lastFailedAt ?? null) : now,
      reachable,
    });
  }

  /** `url` without its credentials, and the header they become (else the base's, same origin). */
  function target(url: URL): Target {
    const own = credentials(url);
    const plain = withoutCredentials(url);
    if (own !== undefined) return { url: plain, authorization: own };
    const href = plain.href;
    const base =
      registered.find((b) => b.authorization && href.startsWith(b.prefix)) ??
      registered.find((b) => b.authorization && b.origin === plain.origin);
    return { url: plain, authorization: base?.authorization };
  }

  /**
   * GET `url`, following redirects to http(s) URLs that `allowRedirect` accepts (by default the
   * origins of the request and of the upstream bases). Credentials go only to their own origin.
   */
  async function get(
    url: string,
    headers: Record<string, string>,
    allowRedirect?: RedirectAllowed,
    signal?: AbortSignal,
  ) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UpstreamError('bad-response', `upstream URL cannot be read: ${url.slice(0, 300)}`);
    }
    const shown = redactUrls(url);
    const allowed = allowRedirect ?? upstreamOrigins(parsed);
    let hop = target(parsed);
    for (let redirects = 0; ; redirects++) {
      const res = await send(hop, headers, shown, signal);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode) || typeof location !== 'string')
        return { res, shown: hop.url.href === parsed.href ? shown : redactUrls(hop.url.href) };
      await res.body.dump();
      if (redirects === MAX_REDIRECTS)
        throw new UpstreamError(
          'bad-response',
          `upstream redirected more than ${MAX_REDIRECTS} times for ${shown}`,
        );
      let next: URL;
      try {
        next = new URL(location, hop.url);
      } catch {
        throw new UpstreamError(
          'bad-response',
          `upstream redirected ${shown} to a location that cannot be read: ${location.slice(0, 300)}`,
        );
      }
      if ((next.protocol !== 'http:' && next.protocol !== 'https:') || !allowed(next))
        throw new UpstreamError(
          'bad-response',
          `upstream redirected ${shown} to ${next.href}, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
        );
      const following = target(next);
      // The header of the previous hop goes on only within its origin.
      const sameOrigin = following.url.origin === hop.url.origin;
      hop = {
        url: following.url,
        authorization: following.authorization ?? (sameOrigin ? hop.authorization : undefined),
      };
    }
  }

  async function send(
    hop: Target,
    headers: Record<string, string>,
    shown: string,
    signal?: AbortSignal,
  ) {
    const started = performance.now();
    const sent = hop.authorization ? { ...headers, authorization: hop.authorization } : headers;
    try {
      const res = await request(hop.url, {
        method: 'GET',
        headers: sent,
        dispatcher: agent,
        signal,
      });
      client.onTiming?.(performance.now() - started);
      record(hop.url, true);
      return res;
    } catch (error) {
      record(hop.url, false);
      const message = error instanceof Error ? error.message : String(error);
      const kind = failureKind(error, signal);
      const what = kind === 'timeout' ? 'timed out' : 'unreachable';
      throw new UpstreamError(kind, `upstream ${what} for ${shown}: ${message}`, { cause: error });
    }
  }

  return client;
}

/** A base URL as a prefix with the header its credentials make; undefined when unreadable. */
function baseOf(url: string): Base | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const plain = withoutCredentials(parsed);
  const path = plain.pathname.endsWith('/') ? plain.pathname : `${plain.pathname}/`;
  return {
    prefix: `${plain.origin}${path}`,
    origin: plain.origin,
    authorization: credentials(parsed),
  };
}

/** The `Authorization: Basic` value of a URL's `user:password@` (percent-decoded), if any. */
function credentials(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const pair = `${decode(url.username)}:${decode(url.password)}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** A copy of `url` without `user:password@`. */
function withoutCredentials(url: URL): URL {
  if (url.username === '' && url.password === '') return url;
  const plain = new URL(url.href);
  plain.username = '';
  plain.password = '';
  return plain;
}

async function drain<T>(res: { body: { dump(): Promise<void> } }, value: T): Promise<T> {
  await res.body.dump();
  return value;
}

/** A timeout (undici's own, or the whole-body deadline) or any other network failure. */
function failureKind(error: unknown, deadline?: AbortSignal): 'timeout' | 'unreachable' {
  const code = (error as { code?: unknown } | null)?.code;
  const timedOut =
    deadline?.aborted === true ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT';
  return timedOut ? 'timeout' : 'unreachable';
}

/** Read a body up to `maxBytes`; `shown` is the URL as messages may name it (redacted). */
async function readLimited(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  shown: string,
  deadline?: AbortSignal,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes)
        throw new UpstreamError(
          'bad-response',
          `upstream body over ${maxBytes} bytes for ${shown}`,
        );
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const kind = failureKind(error, deadline);
    const what = kind === 'timeout' ? 'timed out' : 'failed';
    throw new UpstreamError(kind, `upstream body ${what} for ${shown}: ${message}`, {
      cause: error,
    });
  }
  return Buffer.concat(chunks, size);
}
