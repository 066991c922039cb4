import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  DEFAULT_OSV_URL,
  openAdvisoryDb,
  osvBaseUrl,
  readSource,
  updateAdvisories,
} from '../../src/advisories/index.js';
import { BulwarkError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { shared } from '../helpers/shared.js';

/** An OSV-style all.zip made from the shared advisory folders. */
function zipOf(folders: string[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const folder of folders) {
    for (const file of readSource(shared('advisories', folder))) {
      entries[basename(file.name)] = encoder.encode(file.text);
    }
  }
  return zipSync(entries);
}

describe('db update from a loopback OSV export', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const zips: Record<string, Uint8Array> = {
      '/npm/all.zip': zipOf(['npm-ghsa', 'npm-malicious']),
      '/PyPI/all.zip': zipOf(['pypi/django', 'pypi/aiohttp', 'pypi/urllib3']),
    };
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const body = zips[request.url ?? ''];
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/zip' });
      response.end(body ? Buffer.from(body) : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'bulwark-update-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads <base>/<ecosystem>/all.zip and imports every advisory', async () => {
    const dbPath = join(dir, 'advisories.db');
    const report = await updateAdvisories({
      dbPath,
      baseUrl: base,
      ecosystems: ['npm', 'PyPI'],
      logger: silentLogger,
    });

    expect(requests).toEqual(['/npm/all.zip', '/PyPI/all.zip']);
    expect(report.perEcosystem).toEqual({ npm: 97, Maven: 2, NuGet: 4, RubyGems: 1, PyPI: 135 });
    const db = openAdvisoryDb(dbPath);
    expect(db.status()).toMatchObject({ advisories: 97 + 135, source: base });
    expect(db.match('PyPI', 'Django', '1.0.1').map((v) => v.id)).toContain('PYSEC-2007-1');
    db.close();
  });

  it('keeps the old database when an ecosystem is missing from the export', async () => {
    const dbPath = join(dir, 'advisories.db');
    const before = createHash('sha256').update(readFileSync(dbPath)).digest('hex');

    const attempt = updateAdvisories({
      dbPath,
      baseUrl: base,
      ecosystems: ['npm', 'Go'],
      logger: silentLogger,
    });

    await expect(attempt).rejects.toBeInstanceOf(BulwarkError);
    await expect(attempt).rejects.toThrow(`cannot download ${base}/Go/all.zip: HTTP 404`);
    expect(createHash('sha256').update(readFileSync(dbPath)).digest('hex')).toBe(before);
  });
});

describe('OSV base URL', () => {
  it.each([
    [
      'the flag wins',
      'http://mirror.test/osv/',
      { BULWARK_OSV_URL: 'http://env.test' },
      'http://mirror.test/osv',
    ],
    ['then the environment', undefined, { BULWARK_OSV_URL: 'http://env.test' }, 'http://env.test'],
    ['then the public export', undefined, {}, DEFAULT_OSV_URL],
  ])('%s', (_name, flag, env, expected) => {
    expect(osvBaseUrl(flag, env)).toBe(expected);
  });
});
