import { gunzipSync } from 'node:zlib';

import { extract } from 'tar-stream';

import { installScriptsOf, isObject } from './manifest-facts.js';

/** What a tarball itself reveals about install-time behaviour. */
export interface TarballFacts {
  /** Install hooks in the packed package.json, plus `binding.gyp` when one is at the root. */
  installScripts: string[];
}

/**
 * Read the packed package.json and look for a root binding.gyp, which makes npm run
 * `node-gyp rebuild` even when no install script is declared (npm docs, "scripts": default values).
 */
export async function inspectTarball(tgz: Buffer): Promise<TarballFacts> {
  const tar = gunzipSync(tgz);
  const reader = extract();
  let manifest: unknown;
  let gyp = false;
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const parts = header.name.split('/');
      const rootFile = parts.length === 2 ? parts[1] : undefined;
      if (rootFile === 'binding.gyp') gyp = true;
      if (rootFile !== 'package.json') {
        stream.on('end', next);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => {
        if (Buffer.isBuffer(c)) chunks.push(c);
      });
      stream.on('end', () => {
        try {
          manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          manifest = undefined;
        }
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  reader.end(tar);
  await done;

  const scripts = isObject(manifest) ? installScriptsOf({ scripts: manifest.scripts }) : [];
  if (gyp && !scripts.includes('binding.gyp')) scripts.push('binding.gyp');
  return { installScripts: scripts };
}
