import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { isLockfile, parseLockfile } from '../../src/lockfiles/index.js';
import { shared } from '../helpers/shared.js';

const root = shared('fixtures', 'lockfiles');
const lockfiles = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => isLockfile(file))
      .map((file) => join(folder, file)),
  );

/** Lockfiles name packages in their own spellings; compare loosely on the name's last part. */
function mentions(line: string, name: string): boolean {
  const last = name.split(/[/:]/).pop() ?? name;
  const fold = (text: string) => text.toLowerCase().replace(/[-_.]+/g, '-');
  return fold(line).includes(fold(last));
}

describe('every locked package points at a line that names it', () => {
  it.each(lockfiles)('%s', (relative) => {
    const file = join(root, relative);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const readSibling = (name: string) => {
      try {
        return readFileSync(join(dirname(file), name), 'utf8');
      } catch {
        return undefined;
      }
    };
    const result = parseLockfile(relative, text, readSibling);

    const wrong = result.packages
      .filter((p) => p.lockfile === relative)
      .filter((p) => !mentions(lines[p.line - 1] ?? '', p.name))
      .map((p) => `${p.name}@${p.version} -> line ${p.line}: ${lines[p.line - 1]?.trim()}`);
    expect(wrong).toEqual([]);
  });
});
