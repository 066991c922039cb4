import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

import type { BlobStore } from './types.js';

/** Keys are digests such as `sha512-<hex>`; anything else is refused to keep paths inside the root. */
const KEY = /^(sha512|sha256|sha1)-[0-9a-f]{40,128}$/;

/** Blobs as files under `root`, fanned out by the first bytes of their digest. */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (key: string): string => {
    if (!KEY.test(key)) throw new Error(`invalid blob key ${key}`);
    const [algorithm, hex] = key.split('-');
    return join(root, algorithm, hex.slice(0, 2), hex.slice(2));
  };

  return {
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      await unlink(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
    where: pathOf,
    async put(key, data) {
      const target = pathOf(key);
      const dir = join(target, '..');
      await mkdir(dir, { recursive: true });
      // Write beside the target and rename, so a reader never sees a partial file.
      const temp = join(dir, `.tmp-${randomBytes(6).toString('hex')}`);
      try {
        await writeFile(temp, data);
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
  };
}
