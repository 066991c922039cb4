import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { evaluateVersion, type PolicyContext } from '../policy/evaluate.js';
import type { VersionDecision, VersionFacts } from '../policy/types.js';
import { UpstreamError } from '../upstream.js';
import type { ExpectedDigest } from '../verified-files.js';
import { rewriteDistTags } from './dist-tags.js';
import { isObject, npmFacts, type JsonObject } from './manifest-facts.js';

/** One version of a package as the proxy knows it: where its tarball is and what policy said. */
export interface NpmVersion {
  version: string;
  /** The tarball's file name, the last segment of its URL. */
  filename: string;
  upstreamUrl: string;
  integrity?: string;
  shasum?: string;
  /** The digest the tarball is checked against, worked out on first download. */
  digest?: ExpectedDigest;
  /** Set once `digest` has been checked against the file's pin in this process. */
  pinChecked?: boolean;
  facts: VersionFacts;
  decision: VersionDecision;
}

/** Serialized bodies for one public base URL, with gzip forms made on first use. */
export interface Rendered {
  full: Buffer;
  abbreviated: Buffer;
  gzip: { full?: Buffer; abbreviated?: Buffer };
  /** Strong validators of each form, for clients that revalidate with If-None-Match. */
  etag: { full: string; abbreviated: string };
}

/** A package after policy: every version with its decision, and the filtered documents. */
export interface NpmPackage {
  name: string;
  versions: Map<string, NpmVersion>;
  byFile: Map<string, NpmVersion>;
  distTags: Record<string, string>;
  /** Set when every version is blocked: the version and decision to explain. */
  allBlocked?: NpmVersion;
  render(base: string): Rendered;
  /** Approximate memory held, for the cache's size bound; set from the upstream body's size. */
  size: number;
}

/** Fields kept in the abbreviated ("corgi") form of a version, per the npm registry docs. */
const ABBREVIATED = [
  'name',
  'version',
  'dependencies',
  'optionalDependencies',
  'devDependencies',
  'bundleDependencies',
  'bundledDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'directories',
  'dist',
  'engines',
  'cpu',
  'os',
  'libc',
  '_hasShrinkwrap',
  'hasInstallScript',
  'deprecated',
  'funding',
  'acceptDependencies',
];

/** Parse an upstream packument body, refusing anything that is not one. */
export function parsePackument(body: Buffer, name: string): JsonObject {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    throw new UpstreamError('bad-response', `upstream packument for ${name} is not JSON`);
  }
  if (!isObject(doc) || typeof doc.name !== 'string') {
    throw new UpstreamError('bad-response', `upstream packument for ${name} has no name`);
  }
  // An answer for another package is never judged or cached under the requested name.
  if (doc.name !== name) {
    throw new UpstreamError(
      'bad-response',
      `upstream packument for ${name} names another package (${JSON.stringify(doc.name.slice(0, 214))})`,
    );
  }
  // Only an unpublished package (its `time` says so) may come without a versions object.
  const unpublished = isObject(doc.time) && doc.time.unpublished !== undefined;
  if (!isObject(doc.versions) && !(doc.versions === undefined && unpublished)) {
    throw new UpstreamError(
      'bad-response',
      `upstream packument for ${name} has no versions object`,
    );
  }
  return doc;
}

/** The encoded path of a package in registry URLs: `@scope/name` keeps its slash. */
export function packagePath(name: string): string {
  return name.startsWith('@')
    ? `@${encodeURIComponent(name.slice(1)).replace('%2F', '/')}`
    : encodeURIComponent(name);
}

/** Judge every version of an upstream packument and build the filtered package. */
export function buildPackage(
  name: string,
  doc: JsonObject,
  context: PolicyContext,
  learned: (facts: VersionFacts) => VersionFacts = (facts) => facts,
): NpmPackage {
  const versions = new Map<string, NpmVersion>();
  const byFile = new Map<string, NpmVersion>();
  const time = isObject(doc.time) ? doc.time : {};
  const upstreamVersions = isObject(doc.versions) ? doc.versions : {};
  const kept: JsonObject = {};

  for (const [version, manifest] of Object.entries(upstreamVersions)) {
    if (
      !isObject(manifest) ||
      !isObject(manifest.dist) ||
      typeof manifest.dist.tarball !== 'string'
    )
      continue;
    const entry = versionEntry(name, { ...manifest, version }, time, context, learned);
    versions.set(version, entry);
    byFile.set(entry.filename, entry);
    if (entry.decision.decision !== 'blocked') kept[version] = { ...manifest };
  }

  const allowed = Object.keys(kept);
  const upstreamTags = isObject(doc['dist-tags'])
    ? (doc['dist-tags'] as Record<string, string>)
    : {};
  const distTags = rewriteDistTags(upstreamTags, allowed);
  const filtered: JsonObject = { ...doc, 'dist-tags': distTags, versions: kept };
  if (isObject(doc.time)) filtered.time = keepTimes(doc.time, kept);
  const abbreviated = abbreviate(doc, distTags, kept);
  const latest = versions.get(upstreamTags.latest ?? '') ?? [...versions.values()].at(-1);
  const allBlocked = versions.size > 0 && allowed.length === 0 ? latest : undefined;

  const rendered = new Map<string, Rendered>();
  const render = (base: string): Rendered => {
    let out = rendered.get(base);
    if (!out) {
      setTarballs(kept, versions, base, name);
      setTarballs(abbreviated.versions as JsonObject, versions, base, name);
      const full = Buffer.from(JSON.stringify(filtered));
      const short = Buffer.from(JSON.stringify(abbreviated));
      const etag = { full: validator(full), abbreviated: validator(short) };
      out = { full, abbreviated: short, gzip: {}, etag };
      // A handful of bases at most (public URL, loopback); more would be a client playing with Host.
      if (rendered.size < 4) rendered.set(base, out);
    }
    return out;
  };
  return { name, versions, byFile, distTags, allBlocked, render, size: 0 };
}

function validator(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The gzip form of a rendered body, made once. */
export function gzipOf(rendered: Rendered, kind: 'full' | 'abbreviated'): Buffer {
  let out = rendered.gzip[kind];
  if (!out) {
    out = gzipSync(rendered[kind], { level: 6 });
    rendered.gzip[kind] = out;
  }
  return out;
}

function versionEntry(
  name: string,
  manifest: JsonObject,
  time: JsonObject,
  context: PolicyContext,
  learned: (facts: VersionFacts) => VersionFacts,
): NpmVersion {
  const dist = manifest.dist as JsonObject;
  const upstreamUrl = dist.tarball as string;
  const filename = decodeURIComponent(
    new URL(upstreamUrl, 'http://x/').pathname.split('/').pop() ?? '',
  );
  const facts = learned(npmFacts(name, manifest, time));
  const entry: NpmVersion = {
    version: facts.version,
    filename,
    upstreamUrl,
    facts,
    decision: evaluateVersion(facts, context),
  };
  if (typeof dist.integrity === 'string') entry.integrity = dist.integrity;
  if (typeof dist.shasum === 'string') entry.shasum = dist.shasum;
  return entry;
}

function keepTimes(time: JsonObject, kept: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(time)) {
    if (key === 'created' || key === 'modified' || key in kept) out[key] = value;
  }
  return out;
}

function abbreviate(
  doc: JsonObject,
  distTags: Record<string, string>,
  kept: JsonObject,
): JsonObject {
  const versions: JsonObject = {};
  for (const [version, manifest] of Object.entries(kept)) {
    const full = manifest as JsonObject;
    const short: JsonObject = {};
    for (const field of ABBREVIATED) if (full[field] !== undefined) short[field] = full[field];
    if (full.gypfile === true || hasHook(full)) short.hasInstallScript = true;
    short.dist = { ...(full.dist as JsonObject) };
    versions[version] = short;
  }
  const modified = isObject(doc.time) ? doc.time.modified : undefined;
  return { name: doc.name, modified, 'dist-tags': distTags, versions };
}

function hasHook(manifest: JsonObject): boolean {
  const scripts = isObject(manifest.scripts) ? manifest.scripts : {};
  return ['preinstall', 'install', 'postinstall'].some((hook) => typeof scripts[hook] === 'string');
}

function setTarballs(
  docVersions: JsonObject,
  versions: Map<string, NpmVersion>,
  base: string,
  name: string,
): void {
  for (const [version, manifest] of Object.entries(docVersions)) {
    const entry = versions.get(version);
    if (!entry || !isObject(manifest)) continue;
    const dist = { ...(manifest.dist as JsonObject) };
    dist.tarball = `${base}/${packagePath(name)}/-/${encodeURIComponent(entry.filename)}`;
    manifest.dist = dist;
  }
}
