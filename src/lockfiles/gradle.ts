import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, Package } from './package.js';
import { splitLines } from './text-lines.js';

const HINT = 'regenerate it with `gradle dependencies --write-locks`';

/**
 * gradle.lockfile (and buildscript-gradle.lockfile): one `group:artifact:version=configurations`
 * line per module. A module is for development when every configuration that locks it is a test
 * configuration. gradle.lockfile records neither direct dependencies nor the graph, so every
 * module is reported as transitive without paths.
 */
export function parseGradleLockfile(path: string, content: string): LockfileResult {
  const packages: Package[] = [];
  splitLines(content).forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '' || text.startsWith('#') || text.startsWith('empty=')) return;
    const match = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=(.*)$/.exec(text);
    if (!match) {
      throw lockfileError(
        path,
        line,
        `${path}: expected "group:artifact:version=configurations"`,
        HINT,
      );
    }
    const [, group, artifact, version, configurations] = match;
    const names = configurations
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const dev = names.length > 0 && names.every((name) => /^test|Test[A-Z]|test[A-Z]/.test(name));
    packages.push({
      ecosystem: 'Maven',
      name: `${group}:${artifact}`,
      version,
      direct: false,
      dev,
      paths: [],
      line,
      lockfile: path,
    });
  });
  return { lockfile: path, format: 'gradle.lockfile', packages, unpinned: [] };
}
