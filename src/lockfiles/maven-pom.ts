import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, Package, UnpinnedDependency } from './package.js';
import { LineIndex } from './text-lines.js';
import { dict, list, str, type Dict } from './values.js';

const HINT = 'fix the XML so that `mvn validate` accepts it';
const DEV_SCOPES = new Set(['test']);

/** A `<dependency>` element found in the text, with where it starts. */
interface DependencyTag {
  groupId: string;
  artifactId: string;
  offset: number;
}

/**
 * pom.xml: the project's own `<dependencies>` with literal versions. `${name}` placeholders are
 * resolved from the pom's `<properties>` and `project.version`; a version that stays a
 * placeholder, or is missing (managed by a parent or a BOM), is not known here and the
 * dependency is reported in `unpinned`, as is a version range. A version missing from the
 * dependency but given in the same pom's `<dependencyManagement>` is used. Test scope counts as
 * development. pom.xml parents, BOM imports, profiles and transitive dependencies are not
 * resolved.
 */
export function parseMavenPom(path: string, content: string): LockfileResult {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw lockfileError(path, line, `${path} is not valid XML: ${msg}`, HINT);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'dependency',
  });
  const project = dict(dict(parseXml(path, parser, content)).project);
  const properties = readProperties(project);
  const managed = new Map<string, string>();
  for (const dep of list(dict(dict(project.dependencyManagement).dependencies).dependency)) {
    const entry = dict(dep);
    const version = str(entry.version);
    if (version) managed.set(`${str(entry.groupId)}:${str(entry.artifactId)}`, version);
  }

  const tags = projectDependencyTags(content);
  const lines = new LineIndex(content);
  const packages: Package[] = [];
  const unpinned: UnpinnedDependency[] = [];
  let cursor = 0;
  for (const dep of list(dict(project.dependencies).dependency)) {
    const entry = dict(dep);
    const groupId = resolve(str(entry.groupId) ?? '', properties);
    const artifactId = resolve(str(entry.artifactId) ?? '', properties);
    const name = `${groupId}:${artifactId}`;
    const at = tags.findIndex(
      (tag, index) => index >= cursor && tag.artifactId === str(entry.artifactId),
    );
    if (at !== -1) cursor = at + 1;
    const line = at === -1 ? 1 : lines.lineAt(tags[at].offset);
    const raw = str(entry.version) ?? managed.get(name);
    const version = raw === undefined ? undefined : resolve(raw, properties);
    if (version === undefined || version.includes('${') || /^[[(]/.test(version)) {
      unpinned.push({ name, spec: raw ?? '', line });
      continue;
    }
    const dev = DEV_SCOPES.has(str(entry.scope) ?? '');
    packages.push({
      ecosystem: 'Maven',
      name,
      version,
      direct: true,
      dev,
      paths: [[`${name}@${version}`]],
      line,
      lockfile: path,
    });
  }
  return { lockfile: path, format: 'pom.xml', packages, unpinned };
}

/**
 * Parse validated XML. The parser refuses nesting beyond its limit with a plain Error, which
 * here becomes a lockfile error rather than an internal one.
 */
function parseXml(path: string, parser: XMLParser, content: string): unknown {
  try {
    return parser.parse(content) as unknown;
  } catch (error) {
    const what = error instanceof Error ? error.message : String(error);
    throw lockfileError(path, 1, `${path} is not readable XML: ${what}`, HINT, error);
  }
}

/** The pom's properties, plus `project.version` and `project.groupId` (from the parent if unset). */
function readProperties(project: Dict): Map<string, string> {
  const properties = new Map<string, string>();
  for (const [key, value] of Object.entries(dict(project.properties))) {
    if (typeof value === 'string') properties.set(key, value.trim());
  }
  const parent = dict(project.parent);
  const version = str(project.version) ?? str(parent.version);
  const groupId = str(project.groupId) ?? str(parent.groupId);
  if (version) properties.set('project.version', version).set('pom.version', version);
  if (groupId) properties.set('project.groupId', groupId);
  if (str(parent.version)) properties.set('project.parent.version', str(parent.version) as string);
  return properties;
}

/** Replace `${name}` placeholders the pom defines, following chains a few levels deep. */
function resolve(value: string, properties: Map<string, string>): string {
  let out = value.trim();
  for (let depth = 0; depth < 5 && out.includes('${'); depth++) {
    out = out.replace(/\$\{([^}]+)\}/g, (whole, key: string) => properties.get(key) ?? whole);
  }
  return out;
}

/**
 * `<dependency>` elements of the project itself, in order: those inside `<dependencyManagement>`,
 * `<build>` (plugin dependencies) and `<profiles>` are skipped.
 */
function projectDependencyTags(content: string): DependencyTag[] {
  const skipped: Array<[number, number]> = [];
  for (const section of ['dependencyManagement', 'build', 'profiles']) {
    const open = new RegExp(`<${section}\\b[^>]*>`, 'g');
    for (const match of content.matchAll(open)) {
      const end = content.indexOf(`</${section}>`, match.index);
      skipped.push([match.index, end === -1 ? content.length : end]);
    }
  }
  const tags: DependencyTag[] = [];
  for (const match of content.matchAll(/<dependency\b[^>]*>([\s\S]*?)<\/dependency>/g)) {
    if (skipped.some(([from, to]) => match.index > from && match.index < to)) continue;
    const body = match[1].replace(/<exclusions>[\s\S]*?<\/exclusions>/g, '');
    const groupId = /<groupId>\s*([^<]*?)\s*<\/groupId>/.exec(body)?.[1] ?? '';
    const artifactId = /<artifactId>\s*([^<]*?)\s*<\/artifactId>/.exec(body)?.[1] ?? '';
    tags.push({ groupId, artifactId, offset: match.index });
  }
  return tags;
}
