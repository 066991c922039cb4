import type { VersionFacts } from '../policy/types.js';

/** A JSON object from a registry document. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const HOOKS = ['preinstall', 'install', 'postinstall'] as const;

/**
 * The install-time hooks a version's manifest declares. npm adds `install: node-gyp rebuild`
 * and `gypfile: true` at publish time when the package has a binding.gyp, so both are read.
 */
export function installScriptsOf(manifest: JsonObject): string[] {
  const scripts = isObject(manifest.scripts) ? manifest.scripts : {};
  const found: string[] = HOOKS.filter((hook) => typeof scripts[hook] === 'string');
  if (manifest.gypfile === true && !found.includes('binding.gyp')) found.push('binding.gyp');
  if (found.length === 0 && manifest.hasInstallScript === true) found.push('install script');
  return found;
}

/** The licence a manifest declares, as one SPDX expression when it can be put as one. */
export function licenseOf(manifest: JsonObject): string | undefined {
  const license = manifest.license;
  if (typeof license === 'string') return license;
  if (isObject(license) && typeof license.type === 'string') return license.type;
  if (Array.isArray(manifest.licenses)) {
    const ids = manifest.licenses
      .map((l: unknown) => (isObject(l) && typeof l.type === 'string' ? l.type : undefined))
      .filter((id): id is string => id !== undefined);
    return ids.length > 0 ? ids.join(' OR ') : undefined;
  }
  return undefined;
}

/** The policy facts of one npm version from its manifest and the packument's `time` map. */
export function npmFacts(name: string, manifest: JsonObject, time: JsonObject): VersionFacts {
  const version = String(manifest.version);
  const stamp = time[version];
  const published = typeof stamp === 'string' ? new Date(stamp) : undefined;
  const facts: VersionFacts = {
    ecosystem: 'npm',
    name,
    version,
    installScripts: installScriptsOf(manifest),
    license: licenseOf(manifest),
  };
  if (published && !Number.isNaN(published.getTime())) facts.published = published;
  if (typeof manifest.deprecated === 'string' && manifest.deprecated.length > 0) {
    facts.deprecated = manifest.deprecated;
  }
  return facts;
}
