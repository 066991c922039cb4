import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { UpstreamError } from '../../../src/proxy/upstream.js';

/** A loopback server answering with `route`, keeping each request's path and Authorization. */
export interface Recorder {
  url: string;
  seen: Array<{ path: string; authorization: string | null }>;
  close(): Promise<void>;
}

export async function recorder(
  route: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Recorder> {
  const state: Recorder = { url: '', seen: [], close: async () => undefined };
  const server = createServer((req, res) => {
    state.seen.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null });
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** The `Authorization: Basic` value of `user:password`. */
export const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString('base64')}`;

/** The failure of a promise that must fail, as kind and message. */
export async function failure(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return [error.kind, error.message];
    throw error;
  }
  throw new Error('expected the upstream request to fail');
}
