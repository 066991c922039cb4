import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { zipSync, strToU8 } from 'fflate';

import type { UpstreamMode } from './npm-upstream.js';

/** One wheel a fixture PyPI index publishes. */
export interface FixtureWheel {
  project: string;
  version: string;
  /** Days before now it was uploaded. */
  ageDays: number;
  yanked?: string;
  /** Serve bytes that do not match the advertised sha256. */
  tamper?: boolean;
  /** The wheel's License-Expression (default MIT); null leaves the field out. */
  license?: string | null;
  /** Publish a source distribution (`.tar.gz`) instead of a wheel. */
  sdist?: boolean;
  /** Offer no PEP 658 core metadata file for it. */
  noCoreMetadata?: boolean;
  /** List it with no hash at all. */
  noHash?: boolean;
  /** List it with no `upload-time`. */
  noUploadTime?: boolean;
}

/** A loopback PEP 691 JSON simple index with wheels and PEP 658 metadata files. */
export interface PypiUpstream {
  /** The simple index URL, ending in `/simple/`. */
  url: string;
  requests: string[];
  mode: UpstreamMode;
  close(): Promise<void>;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Build a pure-Python wheel whose module reports its version. */
export function buildWheel(
  project: string,
  version: string,
  license: string | null = 'MIT',
): { filename: string; data: Buffer; metadata: Buffer } {
  const module = project.replace(/[-.]/g, '_').toLowerCase();
  const info = `${module}-${version}.dist-info`;
  const expression = license === null ? '' : `License-Expression: ${license}\n`;
  const metadata = `Metadata-Version: 2.1\nName: ${project}\nVersion: ${version}\n${expression}`;
  const files: Record<string, string> = {
    [`${module}/__init__.py`]: `VERSION = "${version}"\n`,
    [`${info}/METADATA`]: metadata,
    [`${info}/WHEEL`]:
      'Wheel-Version: 1.0\nGenerator: bulwark-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  };
  const record = [...Object.keys(files), `${info}/RECORD`].map((f) => `${f},,`).join('\n');
  files[`${info}/RECORD`] = `${record}\n`;
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), {
    mtime: new Date('2020-01-01'),
  });
  return {
    filename: `${module}-${version}-py3-none-any.whl`,
    data: Buffer.from(zip),
    metadata: Buffer.from(metadata),
  };
}

/** Serve the fixture wheels on loopback. */
export async function startPypiUpstream(
  wheels: FixtureWheel[],
  now = Date.now(),
): Promise<PypiUpstream> {
  const pages = new Map<string, Array<Record<string, unknown>>>();
  const files = new Map<string, Buffer>();
  for (const w of wheels) {
    const built = buildWheel(w.project, w.version, w.license);
    const wheel = w.sdist
      ? { ...built, filename: `${built.filename.split('-')[0]}-${w.version}.tar.gz` }
      : built;
    files.set(
      `/files/${wheel.filename}`,
      w.tamper ? Buffer.concat([wheel.data, Buffer.from('x')]) : wheel.data,
    );
    files.set(`/files/${wheel.filename}.metadata`, wheel.metadata);
    const entry: Record<string, unknown> = {
      filename: wheel.filename,
      url: `../../files/${wheel.filename}`,
      hashes: w.noHash ? {} : { sha256: sha256(wheel.data) },
      'requires-python': '>=3.7',
      'core-metadata': w.noCoreMetadata ? false : { sha256: sha256(wheel.metadata) },
      ...(w.noUploadTime
        ? {}
        : { 'upload-time': new Date(now - w.ageDays * 86_400_000).toISOString() }),
      yanked: w.yanked ?? false,
      size: wheel.data.length,
    };
    pages.set(w.project, [...(pages.get(w.project) ?? []), entry]);
  }

  const state: PypiUpstream = { url: '', requests: [], mode: 'ok', close: async () => undefined };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    state.requests.push(path);
    if (state.mode === 'hang') return;
    if (state.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
      return res.end('<html>not json');
    }
    const file = files.get(path);
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(file);
    }
    const match = /^\/simple\/([^/]+)\/$/.exec(path);
    const page = match ? pages.get(match[1]) : undefined;
    if (!match || !page) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
    res.end(JSON.stringify({ meta: { 'api-version': '1.1' }, name: match[1], files: page }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple/`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
