import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { UpstreamError } from '../../../src/proxy/upstream.js';

/** A loopback server answering with `route`, keeping each request's path and Authorization. */
export interface Recorder {
  url: string;
  port: number;
  seen: Array<{ path: string; authorization: string | null }>;
  close(): Promise<void>;
}

export async function recorder(
  route: (req: IncomingMessage, res: ServerResponse, base: string) => void,
): Promise<Recorder> {
  const state: Recorder = { url: '', port: 0, seen: [], close: async () => undefined };
  const server = createServer((req, res) => {
    state.seen.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null });
    route(req, res, state.url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** A port nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = await recorder((_req, res) => res.end());
  await probe.close();
  return probe.port;
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
