import { evaluateVersion, type PolicyContext } from '../policy/evaluate.js';
import type { VersionDecision, VersionFacts } from '../policy/types.js';
import { UpstreamError } from '../upstream.js';
import { isObject, type JsonObject } from '../npm/manifest-facts.js';
import { versionOfFile } from './filenames.js';

/** One distribution file of a project, with its upstream location and digests. */
export interface PypiFile {
  filename: string;
  version: string;
  upstreamUrl: string;
  /** Empty when the upstream gives none; such files are never offered. */
  sha256: string;
  requiresPython?: string;
  /** PEP 592: false, true, or the reason string. */
  yanked: boolean | string;
  /** PEP 658/714: the metadata file's sha256, or true when offered without a hash. */
  coreMetadata?: { sha256?: string };
  uploadTime?: string;
  size?: number;
}

/** A project page after policy: files by name, decisions by version. */
export interface PypiProject {
  name: string;
  files: Map<string, PypiFile>;
  decisions: Map<string, { facts: VersionFacts; decision: VersionDecision }>;
  /** Files of versions that were not blocked, in upstream order. */
  kept: PypiFile[];
  /** Set when every version is blocked: the newest, to explain. */
  allBlocked?: { facts: VersionFacts; decision: VersionDecision };
  /** Files the upstream lists without a sha256, by name, with their version: never offered. */
  unverifiable: Map<string, string>;
  size: number;
}

/** The integrity refusal of a file the upstream lists without a sha256. */
export function unverifiableDecision(filename: string): VersionDecision {
  const reason = `${filename} has no sha256 in the upstream index, so it cannot be verified and is not offered`;
  return { decision: 'blocked', verdicts: [{ rule: 'integrity', action: 'block', reason }] };
}

/**
 * Parse a PEP 691 JSON project page from the upstream, refusing anything else.
 * The PyPI side needs an upstream that answers PEP 691 JSON; an index that serves only PEP 503 HTML is refused with 502.
 */
export function parseProjectPage(body: Buffer, name: string): JsonObject {
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    throw new UpstreamError(
      'bad-response',
      `upstream project page for ${name} is not PEP 691 JSON`,
    );
  }
  if (!isObject(doc) || !Array.isArray(doc.files)) {
    throw new UpstreamError('bad-response', `upstream project page for ${name} has no files list`);
  }
  return doc;
}

/** Read the files of a project page, judge each version, and keep the allowed files. */
export function buildProject(
  name: string,
  doc: JsonObject,
  pageUrl: string,
  context: PolicyContext,
  learned: (facts: VersionFacts) => VersionFacts = (facts) => facts,
): PypiProject {
  const files = new Map<string, PypiFile>();
  const byVersion = new Map<string, PypiFile[]>();
  const unverifiable = new Map<string, string>();
  for (const raw of doc.files as unknown[]) {
    const file = readFile(name, raw, pageUrl);
    if (file && !file.sha256) unverifiable.set(file.filename, file.version);
    if (!file?.sha256) continue;
    files.set(file.filename, file);
    byVersion.set(file.version, [...(byVersion.get(file.version) ?? []), file]);
  }

  const decisions = new Map<string, { facts: VersionFacts; decision: VersionDecision }>();
  for (const [version, list] of byVersion) {
    const facts = learned(pypiFacts(name, version, list));
    decisions.set(version, { facts, decision: evaluateVersion(facts, context) });
  }
  const kept = [...files.values()].filter(
    (f) => decisions.get(f.version)?.decision.decision !== 'blocked',
  );
  const blocked = [...decisions.values()];
  const allBlocked =
    decisions.size > 0 && kept.length === 0 ? blocked[blocked.length - 1] : undefined;
  const size = 2048 + files.size * 600;
  return { name, files, decisions, kept, allBlocked, unverifiable, size };
}

/**
 * Policy facts of a version: its earliest upload time; the licence is pending, read later from
 * a file's core metadata. A version with a denied licence therefore appears in the project page
 * until one of its files has been requested.
 */
function pypiFacts(name: string, version: string, files: PypiFile[]): VersionFacts {
  const times = files
    .map((f) => (f.uploadTime ? Date.parse(f.uploadTime) : NaN))
    .filter((t) => !Number.isNaN(t));
  const facts: VersionFacts = {
    ecosystem: 'PyPI',
    name,
    version,
    installScripts: [],
    licenseStatus: 'pending',
  };
  if (times.length > 0) facts.published = new Date(Math.min(...times));
  return facts;
}

function readFile(project: string, raw: unknown, pageUrl: string): PypiFile | undefined {
  if (!isObject(raw) || typeof raw.filename !== 'string' || typeof raw.url !== 'string')
    return undefined;
  const hashes = isObject(raw.hashes) ? raw.hashes : {};
  const version = versionOfFile(project, raw.filename);
  if (!version) return undefined;
  // A file without a sha256 cannot be verified on download, so it is not offered.
  const sha256 =
    typeof hashes.sha256 === 'string' && /^[0-9a-f]{64}$/i.test(hashes.sha256)
      ? hashes.sha256.toLowerCase()
      : '';
  const file: PypiFile = {
    filename: raw.filename,
    version,
    upstreamUrl: new URL(raw.url, pageUrl).toString(),
    sha256,
    yanked: typeof raw.yanked === 'string' || raw.yanked === true ? raw.yanked : false,
  };
  if (typeof raw['requires-python'] === 'string') file.requiresPython = raw['requires-python'];
  if (typeof raw['upload-time'] === 'string') file.uploadTime = raw['upload-time'];
  if (typeof raw.size === 'number') file.size = raw.size;
  // PEP 714 renamed dist-info-metadata to core-metadata; either may be present.
  const meta = raw['core-metadata'] ?? raw['dist-info-metadata'];
  if (meta === true) file.coreMetadata = {};
  else if (isObject(meta) && typeof meta.sha256 === 'string')
    file.coreMetadata = { sha256: meta.sha256.toLowerCase() };
  return file;
}
