import { basename, dirname } from 'node:path';
import { inputError } from '../core/errors.js';
import { parseBunLock } from './bun.js';
import { parseCargoLock } from './cargo.js';
import { parseComposerLock } from './composer.js';
import { parseDenoLock } from './deno.js';
import { parseGemfileLock } from './gemfile.js';
import { parseGoMod } from './go-mod.js';
import { parseGradleLockfile } from './gradle.js';
import { assertText } from './lockfile-error.js';
import { parseMavenPom } from './maven-pom.js';
import { parseMixLock } from './mix.js';
import { parseNpmPackageLock } from './npm-package-lock.js';
import { parseNugetLock } from './nuget.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { parsePdmLock } from './pdm.js';
import { parsePipfileLock } from './pipfile.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePoetryLock } from './poetry.js';
import { parsePubspecLock } from './pubspec.js';
import { parsePylock } from './pylock.js';
import { parseRequirements } from './requirements.js';
import { parseUvLock } from './uv.js';
import { parseYarnBerry } from './yarn-berry.js';
import { isBerryLock } from './yarn-blocks.js';
import { parseYarnClassic } from './yarn-classic.js';

export type {
  Ecosystem,
  LockfileProblem,
  LockfileResult,
  Package,
  ReadSibling,
  UnpinnedDependency,
} from './package.js';

/** A parser for one lockfile format. */
type Parser = (path: string, content: string, readSibling?: ReadSibling) => LockfileResult;

/** Parsers by the lockfile's base name. */
const BY_NAME: Record<string, Parser> = {
  'package-lock.json': parseNpmPackageLock,
  'npm-shrinkwrap.json': parseNpmPackageLock,
  'pnpm-lock.yaml': parsePnpmLock,
  'bun.lock': parseBunLock,
  'deno.lock': parseDenoLock,
  'poetry.lock': parsePoetryLock,
  'Pipfile.lock': parsePipfileLock,
  'uv.lock': parseUvLock,
  'pdm.lock': parsePdmLock,
  'pylock.toml': parsePylock,
  'go.mod': parseGoMod,
  'Cargo.lock': parseCargoLock,
  'Gemfile.lock': parseGemfileLock,
  'gems.locked': parseGemfileLock,
  'composer.lock': parseComposerLock,
  'gradle.lockfile': parseGradleLockfile,
  'buildscript-gradle.lockfile': parseGradleLockfile,
  'pom.xml': parseMavenPom,
  'packages.lock.json': parseNugetLock,
  'pubspec.lock': parsePubspecLock,
  'mix.lock': parseMixLock,
  'yarn.lock': (path, content, readSibling) =>
    isBerryLock(content)
      ? parseYarnBerry(path, content, readSibling)
      : parseYarnClassic(path, content, readSibling),
};

/** The parser for a path, judged by its base name (and for requirements, its folder). */
function parserFor(path: string): Parser | undefined {
  const name = basename(path);
  if (Object.hasOwn(BY_NAME, name)) return BY_NAME[name];
  if (/^pylock\.[^.]+\.toml$/.test(name)) return parsePylock;
  if (isRequirementsFile(path)) return parseRequirements;
  return undefined;
}

/**
 * requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements_test.txt..., and
 * any .txt file inside a folder named `requirements` (requirements/main.txt).
 */
function isRequirementsFile(path: string): boolean {
  const name = basename(path);
  if (/^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.txt$/i.test(name)) return true;
  return /\.txt$/i.test(name) && /(^|[\\/])requirements$/i.test(dirname(path));
}

/** Whether a path (by its base name) is a lockfile Bulwark parses. */
export function isLockfile(path: string): boolean {
  return parserFor(path) !== undefined;
}

/**
 * Parse one lockfile; throws BulwarkError (kind 'input', where {file, line}) when it does not
 * parse. `readSibling` reads another file next to it (package.json for direct dependencies,
 * go.sum, a `-r` include), returning undefined when absent.
 */
export function parseLockfile(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const parser = parserFor(path);
  if (!parser) {
    const hint = 'pass only paths for which isLockfile() is true; docs/lockfiles.md lists them';
    throw inputError(`${path} is not a lockfile Bulwark parses`, { file: path }, hint);
  }
  assertText(path, content, 'restore the lockfile from version control or regenerate it');
  return parser(path, content, readSibling);
}
