import type { IncomingMessage, ServerResponse } from 'node:http';

import type { DecisionRecord } from './store/types.js';
import { redactUrls } from './url-redact.js';

/** A parsed request as the route handlers see it. */
export interface RequestInfo {
  method: string;
  /** The raw path, still percent-encoded, without the public URL's path prefix. */
  path: string;
  query: URLSearchParams;
  /** The address and user agent of the client, for the decision log. */
  client: string;
  /** The URL clients reach the proxy at, without a trailing slash. */
  base: string;
  req: IncomingMessage;
  res: ServerResponse;
  /** The route name for metrics and the request log. */
  route: string;
  /** The decision-log rows this request wrote, so it never writes one twice (runtime.ts). */
  logged?: DecisionRecord[];
}

/**
 * A request handler failure that becomes an HTTP answer with a JSON `error` body. The message
 * is what the client reads, so URL passwords, tokens and query values in it are masked.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(redactUrls(message));
    this.name = 'HttpError';
  }
}

/** Send a JSON body. */
export function sendJson(
  info: RequestInfo,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendBytes(
    info,
    status,
    'application/json; charset=utf-8',
    Buffer.from(JSON.stringify(body)),
    headers,
  );
}

/** Send bytes with a content type and extra headers. */
export function sendBytes(
  info: RequestInfo,
  status: number,
  type: string,
  data: Buffer,
  headers: Record<string, string> = {},
): void {
  info.res.writeHead(status, { 'content-type': type, 'content-length': data.length, ...headers });
  info.res.end(data);
}

/** True when the client accepts a gzip-encoded answer. */
export function acceptsGzip(info: RequestInfo): boolean {
  const value = info.req.headers['accept-encoding'];
  return typeof value === 'string' && value.includes('gzip');
}

/** Read a request body up to `maxBytes`, refusing larger ones with 413. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new HttpError(413, `request body over ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Decode one path segment, answering 400 to malformed percent-encoding. */
export function decodeSegment(segment: string): string {
  // Most segments have nothing to decode; decodeURIComponent would copy them anyway.
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(
      400,
      `malformed percent-encoding in path segment ${JSON.stringify(segment.slice(0, 64))}`,
    );
  }
}
