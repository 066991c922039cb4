import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { npmDist, npmTarball } from './tarballs.js';

/** One version a fixture upstream publishes. */
export interface FixtureVersion {
  name: string;
  version: string;
  /** Days before now it was published. */
  ageDays: number;
  scripts?: Record<string, string>;
  license?: string;
  deprecated?: string;
  dependencies?: Record<string, string>;
  /** Extra files in the tarball besides package.json and index.js. */
  files?: Record<string, string>;
  /** Serve bytes that do not match the advertised integrity. */
  tamper?: boolean;
  /** Give no publish time for it; a packument none of whose versions has one has no `time`. */
  noTime?: boolean;
  /** The `dist.tarball` to advertise instead of the upstream's own URL (which still serves it). */
  tarballUrl?: string;
}

/**
 * How the fixture upstream behaves: normally, garbage JSON, JSON that is not a packument,
 * hanging, or (for tarballs) sending headers and half the body then stalling, or sending the
 * body one byte every 100 ms.
 */
export type UpstreamMode = 'ok' | 'garbage' | 'not-packument' | 'hang' | 'stall-body' | 'trickle';

/** A loopback npm registry serving fixture packuments and tarballs, counting requests. */
export interface NpmUpstream {
  url: string;
  requests: string[];
  /** How many conditional requests were answered 304 Not Modified. */
  notModified: number;
  mode: UpstreamMode;
  /** Requested name to the fixture package whose packument is served for it instead. */
  serveAs: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Build packuments and tarballs for the fixture versions and serve them on loopback;
 * `revision` goes into the ETags, so a second upstream can stand for changed documents.
 */
export async function startNpmUpstream(
  versions: FixtureVersion[],
  now = Date.now(),
  revision = 1,
): Promise<NpmUpstream> {
  const docs = new Map<string, Record<string, unknown>>();
  const files = new Map<string, Buffer>();
  let base = '';
  const pending: Array<() => void> = [];

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    state.requests.push(path);
    if (state.mode === 'hang') return;
    if (state.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"versions": [not json');
    }
    if (state.mode === 'not-packument') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"hello":"world"}');
    }
    if (path === '/-/v1/search') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ objects: [], total: 0, query: req.url }));
    }
    const file = files.get(path);
    if (file && (state.mode === 'stall-body' || state.mode === 'trickle')) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': file.length,
      });
      if (state.mode === 'stall-body') return res.write(file.subarray(0, file.length >> 1));
      let sent = 0;
      const tick = setInterval(() => {
        if (sent >= file.length - 1 || res.destroyed) return clearInterval(tick);
        res.write(file.subarray(sent, ++sent));
      }, 100);
      pending.push(() => clearInterval(tick));
      return;
    }
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(file);
    }
    const doc = docs.get(state.serveAs[path.slice(1)] ?? path.slice(1));
    if (!doc) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":"not found"}');
    }
    const etag = `"${path}-${revision}"`;
    if (req.headers['if-none-match'] === etag) {
      state.notModified++;
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json', etag });
    res.end(JSON.stringify(doc).replaceAll('BASE', base));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  for (const v of versions) {
    const manifest: Record<string, unknown> = {
      name: v.name,
      version: v.version,
      license: v.license ?? 'MIT',
      main: 'index.js',
    };
    if (v.scripts) manifest.scripts = v.scripts;
    if (v.dependencies) manifest.dependencies = v.dependencies;
    const tgz = await npmTarball({
      'package.json': JSON.stringify(manifest),
      'index.js': `module.exports = '${v.version}';\n`,
      ...v.files,
    });
    const bare = v.name.split('/').pop() ?? v.name;
    const filePath = `/${v.name}/-/${bare}-${v.version}.tgz`;
    files.set(filePath, v.tamper ? Buffer.concat([tgz, Buffer.from('tampered')]) : tgz);
    const doc = docs.get(v.name) ?? {
      name: v.name,
      'dist-tags': {},
      versions: {},
      time: { created: new Date(now - 400 * 86_400_000).toISOString() },
    };
    const published = new Date(now - v.ageDays * 86_400_000).toISOString();
    (doc.versions as Record<string, unknown>)[v.version] = {
      ...manifest,
      ...(v.deprecated ? { deprecated: v.deprecated } : {}),
      dist: { ...npmDist(tgz), tarball: v.tarballUrl ?? `BASE${filePath}` },
    };
    if (!v.noTime) {
      (doc.time as Record<string, string>)[v.version] = published;
      (doc.time as Record<string, string>).modified = published;
    }
    if (!v.version.includes('-')) (doc['dist-tags'] as Record<string, string>).latest = v.version;
    docs.set(v.name, doc);
  }

  for (const [name, doc] of docs) {
    if (versions.filter((v) => v.name === name).every((v) => v.noTime)) delete doc.time;
  }

  const state: NpmUpstream = {
    url: base,
    requests: [],
    notModified: 0,
    mode: 'ok',
    serveAs: {},
    close: async () => {
      pending.forEach((f) => f());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}
