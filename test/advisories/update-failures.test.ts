import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openAdvisoryDb, readSource, updateAdvisories } from '../../src/advisories/index.js';
import { BulwarkError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { shared } from '../helpers/shared.js';

function zipOf(folder: string): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const file of readSource(shared('advisories', folder))) {
    entries[basename(file.name)] = new TextEncoder().encode(file.text);
  }
  return Buffer.from(zipSync(entries));
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const KEPT =
  'check the network, --base-url (or BULWARK_OSV_URL) and --timeout; the existing database was kept';

let server: Server;
let base: string;
let dir: string;
let dbPath: string;
const npmZip = zipOf('npm-malicious');
const pypiZip = zipOf('pypi/django');

/** Routes of the loopback mirror, by path. */
function route(url: string, response: import('node:http').ServerResponse): void {
  const hop = /^\/hop(\d+)\/npm\/all\.zip$/.exec(url);
  if (hop) {
    const next = Number(hop[1]) - 1;
    response.writeHead(302, { location: next === 0 ? '/npm/all.zip' : `/hop${next}/npm/all.zip` });
    response.end();
  } else if (url === '/npm/all.zip' || url === '/PyPI/all.zip') {
    const body = url === '/npm/all.zip' ? npmZip : pypiZip;
    response.writeHead(200, { 'content-length': body.length });
    response.end(body);
  } else if (url === '/empty/npm/all.zip') {
    response.end(Buffer.from(zipSync({})));
  } else if (url === '/cut/npm/all.zip') {
    response.writeHead(200, { 'content-length': npmZip.length });
    response.write(npmZip.subarray(0, 100), () => response.destroy());
  } else if (url === '/stall/npm/all.zip') {
    response.writeHead(200, { 'content-length': npmZip.length });
    response.write(npmZip.subarray(0, 100));
  } else {
    response.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer((request, response) => route(request.url ?? '', response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'bulwark-update-fail-'));
  dbPath = join(dir, 'advisories.db');
  await updateAdvisories({
    dbPath,
    baseUrl: base,
    ecosystems: ['npm', 'PyPI'],
    logger: silentLogger,
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('db update failures keep the old database and say why', () => {
  it.each([
    [
      'a body cut short',
      '/cut',
      `cannot download BASE/cut/npm/all.zip: the connection closed before the whole file arrived | ${KEPT}`,
    ],
    [
      'a stalled body (--timeout)',
      '/stall',
      `cannot download BASE/stall/npm/all.zip: the download stalled: no data for 0.2 s (--timeout) | ${KEPT}`,
    ],
    [
      'more than 5 redirects',
      '/hop6',
      `cannot download BASE/hop6/npm/all.zip: HTTP 302 after 5 redirects | ${KEPT}`,
    ],
    [
      'an empty all.zip',
      '/empty',
      'BASE/empty/npm/all.zip holds no advisories | the mirror serves an empty archive; check --base-url (or BULWARK_OSV_URL); the existing database was kept',
    ],
  ])('%s', async (_name, prefix, expected) => {
    const before = digest(dbPath);

    const error = await updateAdvisories({
      dbPath,
      baseUrl: `${base}${prefix}`,
      ecosystems: ['npm'],
      timeoutSeconds: 0.2,
      logger: silentLogger,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(BulwarkError);
    const failure = error as BulwarkError;
    expect(`${failure.message} | ${failure.hint ?? ''}`).toBe(expected.replaceAll('BASE', base));
    expect(digest(dbPath)).toBe(before);
  });

  it('refuses an empty list of ecosystems', async () => {
    await expect(
      updateAdvisories({ dbPath, baseUrl: base, ecosystems: [], logger: silentLogger }),
    ).rejects.toThrow('no ecosystem to update');
  });
});

describe('db update of named ecosystems', () => {
  it('follows up to 5 redirects and reports progress up to the full size', async () => {
    const seen: Array<[string, number, number | undefined]> = [];

    const report = await updateAdvisories({
      dbPath,
      baseUrl: `${base}/hop5`,
      ecosystems: ['npm'],
      onProgress: (ecosystem, received, total) => seen.push([ecosystem, received, total]),
      logger: silentLogger,
    });

    expect(report.perEcosystem).toEqual({ npm: 15 });
    expect(seen.at(-1)).toEqual(['npm', npmZip.length, npmZip.length]);
  });

  it('replaces only the named ecosystems and records each one’s source', () => {
    const db = openAdvisoryDb(dbPath);
    const status = db.status();
    db.close();

    expect(status.perEcosystem).toEqual({ npm: 15, PyPI: 116 });
    expect(
      Object.fromEntries(Object.entries(status.ecosystems).map(([k, v]) => [k, v.source])),
    ).toEqual({
      npm: `${base}/hop5`,
      PyPI: base,
    });
  });
});
