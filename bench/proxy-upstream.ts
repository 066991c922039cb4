// A loopback npm registry for the proxy benchmark: packages with many versions, a readme in
// the full packument, and incompressible tarballs, built once in memory.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { pack } from 'tar-stream';

/** The benchmark upstream and what it serves. */
export interface BenchUpstream {
  url: string;
  names: string[];
  /** Tarball paths (`/<name>/-/<file>`) of every version. */
  tarballs: string[];
  /** Requests answered so far: a warm proxy should add none while it is measured. */
  served(): number;
  close(): Promise<void>;
}

async function tarball(name: string, version: string): Promise<Buffer> {
  const packer = pack();
  const chunks: Buffer[] = [];
  packer.on('data', (c: unknown) => {
    if (Buffer.isBuffer(c)) chunks.push(c);
  });
  const done = new Promise<void>((resolve) => packer.on('end', resolve));
  packer.entry({ name: 'package/package.json' }, JSON.stringify({ name, version, license: 'MIT' }));
  packer.entry({ name: 'package/data.bin' }, randomBytes(16 * 1024));
  packer.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** Start the upstream with `packages` packages of `versions` versions each. */
export async function startBenchUpstream(
  packages: number,
  versions: number,
): Promise<BenchUpstream> {
  const docs = new Map<string, string>();
  const files = new Map<string, Buffer>();
  const names = Array.from(
    { length: packages },
    (_, i) => `bench-pkg-${String(i).padStart(3, '0')}`,
  );
  let base = '';
  let served = 0;
  const server: Server = createServer((req, res) => {
    served++;
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = files.get(path);
    if (file) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': file.length,
      });
      return res.end(file);
    }
    const doc = docs.get(path.slice(1));
    if (!doc) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":"not found"}');
    }
    const body = doc.replaceAll('BASE', base);
    res.writeHead(200, {
      'content-type': 'application/json',
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = Date.now();
  const tarballs: string[] = [];
  for (const name of names) {
    const doc = {
      name,
      'dist-tags': { latest: '' },
      versions: {} as Record<string, unknown>,
      time: {} as Record<string, string>,
      readme: `# ${name}\n\n${'Lorem ipsum dolor sit amet. '.repeat(150)}`,
    };
    for (let v = 0; v < versions; v++) {
      const version = `1.${v}.0`;
      const tgz = await tarball(name, version);
      const path = `/${name}/-/${name}-${version}.tgz`;
      files.set(path, tgz);
      tarballs.push(path);
      const dist = {
        integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`,
        shasum: createHash('sha1').update(tgz).digest('hex'),
        tarball: `BASE${path}`,
      };
      doc.versions[version] = {
        name,
        version,
        description: `${name} benchmark package`,
        license: 'MIT',
        main: 'index.js',
        dependencies: { 'bench-dep': '^1.0.0' },
        dist,
      };
      doc.time[version] = new Date(now - (versions - v + 3) * 86_400_000).toISOString();
      doc['dist-tags'].latest = version;
    }
    docs.set(name, JSON.stringify(doc));
  }
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: base, names, tarballs, served: () => served, close };
}
