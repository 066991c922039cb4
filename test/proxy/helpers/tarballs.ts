import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { pack } from 'tar-stream';

/** Build a gzipped npm-style tarball with every file under `package/`. */
export async function npmTarball(files: Record<string, string>): Promise<Buffer> {
  const packer = pack();
  const chunks: Buffer[] = [];
  packer.on('data', (c: unknown) => {
    if (Buffer.isBuffer(c)) chunks.push(c);
  });
  const done = new Promise<void>((resolve) => packer.on('end', resolve));
  for (const [path, content] of Object.entries(files)) {
    packer.entry({ name: `package/${path}`, mtime: new Date(0) }, content);
  }
  packer.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** SRI sha512 and hex sha1 of a buffer, as npm's `dist` object holds them. */
export function npmDist(data: Buffer): { integrity: string; shasum: string } {
  return {
    integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
    shasum: createHash('sha1').update(data).digest('hex'),
  };
}
