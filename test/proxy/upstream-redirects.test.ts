import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createUpstreamClient } from '../../src/proxy/upstream.js';
import { basic, failure, recorder, type Recorder } from './helpers/recorder.js';

describe('redirects of files and documents', () => {
  let origin: Recorder;
  let storage: Recorder;
  let other: Recorder;

  beforeAll(async () => {
    storage = await recorder((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end('signed bytes');
    });
    other = await recorder((_req, res) => {
      res.writeHead(200);
      res.end('other bytes');
    });
    origin = await recorder((req, res) => {
      const path = req.url ?? '';
      const hop = /^\/loop\/(-?\d+)$/.exec(path);
      const location =
        path === '/to-storage.tgz'
          ? `${storage.url}/blob?sig=SECRET`
          : path === '/to-other.tgz'
            ? `${other.url}/blob?sig=SECRET`
            : path === '/to-ftp.tgz'
              ? 'ftp://127.0.0.1/blob'
              : path === '/moved.json'
                ? '/here.json'
                : path === '/away.json'
                  ? `${other.url}/doc.json`
                  : hop && Number(hop[1]) < 5
                    ? `/loop/${Number(hop[1]) + 1}`
                    : undefined;
      if (location) {
        res.writeHead(path === '/moved.json' ? 307 : 302, { location });
        return res.end();
      }
      if (path === '/here.json' || path === '/loop/5') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"here":true}');
      }
      res.writeHead(404);
      res.end();
    });
  });

  afterAll(async () => {
    await origin.close();
    await storage.close();
    await other.close();
  });

  const client = () =>
    createUpstreamClient(2000, 'bulwark-test', 10_000, [
      origin.url.replace('http://', 'http://user:hunter2@'),
    ]);

  it('follows a redirect to an allowed host without forwarding the credentials', async () => {
    const upstream = client();
    const storageHost = new URL(storage.url).host;
    const data = await upstream.file(
      `${origin.url}/to-storage.tgz`,
      1024,
      (target) => target.host === storageHost,
    );
    await upstream.close();
    expect(data.toString()).toBe('signed bytes');
    expect(origin.seen.at(-1)).toEqual({
      path: '/to-storage.tgz',
      authorization: basic('user:hunter2'),
    });
    expect(storage.seen).toEqual([{ path: '/blob?sig=SECRET', authorization: null }]);
  });

  it('refuses a redirect to a host the caller does not allow, with a masked message', async () => {
    const upstream = client();
    const refused = await failure(upstream.file(`${origin.url}/to-other.tgz`, 1024));
    const ftp = await failure(upstream.file(`${origin.url}/to-ftp.tgz`, 1024, () => true));
    await upstream.close();
    expect([refused, ftp, other.seen]).toEqual([
      [
        'bad-response',
        `upstream redirected ${origin.url}/to-other.tgz to ${other.url}/blob?sig=***, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
      ],
      [
        'bad-response',
        `upstream redirected ${origin.url}/to-ftp.tgz to ftp://127.0.0.1/blob, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
      ],
      [],
    ]);
  });

  it('follows up to 5 redirects and no more', async () => {
    const upstream = client();
    const five = await upstream.document(`${origin.url}/loop/0`, 'application/json');
    const six = await failure(upstream.document(`${origin.url}/loop/-1`, 'application/json'));
    await upstream.close();
    expect([five.status === 200 && five.body.toString(), six]).toEqual([
      '{"here":true}',
      ['bad-response', `upstream redirected more than 5 times for ${origin.url}/loop/-1`],
    ]);
  });

  it('follows a document redirect within the upstream origin, keeping the credentials', async () => {
    const upstream = client();
    const moved = await upstream.document(`${origin.url}/moved.json`, 'application/json');
    const away = await failure(upstream.document(`${origin.url}/away.json`, 'application/json'));
    await upstream.close();
    expect([moved.status === 200 && moved.body.toString(), away]).toEqual([
      '{"here":true}',
      [
        'bad-response',
        `upstream redirected ${origin.url}/away.json to ${other.url}/doc.json, which is neither an upstream origin nor an allowed host; the redirect was not followed`,
      ],
    ]);
    expect(origin.seen.slice(-3)).toEqual([
      { path: '/moved.json', authorization: basic('user:hunter2') },
      { path: '/here.json', authorization: basic('user:hunter2') },
      { path: '/away.json', authorization: basic('user:hunter2') },
    ]);
  });
});
