import { basename, posix } from 'node:path';
import { lockfileError } from './lockfile-error.js';
import type {
  LockfileProblem,
  LockfileResult,
  Package,
  ReadSibling,
  UnpinnedDependency,
} from './package.js';
import { pythonPackages, type PythonEntry } from './python-graph.js';
import { normalizePyName } from './python-names.js';
import { splitLines } from './text-lines.js';

const HINT = 'fix the line, or regenerate the file with `pip-compile` or `uv pip compile`';
const MISSING_HINT = 'add the included file, or fix the `-r` path to point at it';
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
const PIN = /^===?\s*([^\s,;*]+)$/;
/** File names that by convention hold development requirements (requirements-dev.txt...). */
const DEV_NAME = /(^|[-_.])(dev|develop|test|tests|testing|lint|ci)([-_.]|$)/i;

/** The `# via` reasons collected for the requirement just read. */
interface Annotation {
  requirement?: Requirement;
  reasons: string[];
  via: boolean;
}

/** One requirement line with its compiler annotations. */
interface Requirement extends PythonEntry {
  file: string;
  direct: boolean;
  parents: string[];
}

/**
 * requirements.txt and its `-r` includes (read beside it through `readSibling`). A line pinned
 * with `==` (or `===`) is a package; any other specifier is reported in `unpinned`, never
 * guessed. Hashes, extras and environment markers are accepted and ignored for the version.
 * pip-compile and uv `# via` annotations give the graph: a requirement whose only reasons are
 * other packages is transitive; one without annotations, or required by a `-r` file, is direct.
 * Editable, URL and path requirements are not registry releases and are left out. A
 * requirements file is taken as development only by its name (requirements-dev.txt,
 * test-requirements.txt...); `-c` constraint files are not read.
 */
export function parseRequirements(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const requirements: Requirement[] = [];
  const unpinned: UnpinnedDependency[] = [];
  const problems: LockfileProblem[] = [];
  const visited = new Set<string>([basename(path)]);
  // An explicit stack of open files, not recursion: `-r` chains are as deep as the files say.
  // Each include is read where it stands, so the first pin of a package still wins.
  const open: OpenFile[] = [
    { display: path, relative: basename(path), items: readFile(path, content, unpinned), at: 0 },
  ];
  while (open.length > 0) {
    const file = open[open.length - 1];
    const found = file.items[file.at++];
    if (found === undefined) {
      open.pop();
      continue;
    }
    if (!('include' in found)) {
      requirements.push(found);
      continue;
    }
    const next = posix.normalize(posix.join(posix.dirname(file.relative), found.include));
    if (visited.has(next) || !readSibling) continue;
    visited.add(next);
    const included = readSibling(next);
    if (included === undefined) {
      const message = `${file.display}: the included file ${found.include} was not found, so its pins are not checked`;
      problems.push({ file: file.display, line: found.line, message, hint: MISSING_HINT });
      continue;
    }
    const display = posix.join(posix.dirname(path), next);
    open.push({ display, relative: next, items: readFile(display, included, unpinned), at: 0 });
  }

  return {
    lockfile: path,
    format: 'requirements.txt',
    packages: toPackages(requirements, path),
    unpinned,
    problems,
  };
}

/** A requirements file being read: its requirements and includes, and how far along. */
interface OpenFile {
  display: string;
  relative: string;
  items: Array<Requirement | { include: string; line: number }>;
  at: number;
}

/** Turn requirements into packages: the first pin of a name and version wins. */
function toPackages(requirements: Requirement[], path: string): Package[] {
  const seen = new Map<string, Requirement>();
  for (const requirement of requirements) {
    const key = `${normalizePyName(requirement.name)}@${requirement.version}`;
    if (!seen.has(key)) seen.set(key, requirement);
  }
  const entries = [...seen.values()];
  const byName = new Map(entries.map((entry) => [normalizePyName(entry.name), entry]));
  for (const entry of entries) {
    for (const parent of entry.parents) byName.get(normalizePyName(parent))?.deps.push(entry.name);
  }
  const declared = new Map<string, boolean>();
  for (const entry of entries)
    if (entry.direct) declared.set(normalizePyName(entry.name), entry.dev ?? false);

  const files = new Map(entries.map((entry) => [`${entry.name}@${entry.version}`, entry.file]));
  const packages = pythonPackages(entries, declared, path);
  for (const found of packages)
    found.lockfile = files.get(`${found.name}@${found.version}`) ?? path;
  return packages;
}

/** Read one file: its requirements (pinned ones) and `-r` includes, in order. */
function readFile(
  file: string,
  text: string,
  unpinned: UnpinnedDependency[],
): Array<Requirement | { include: string; line: number }> {
  const out: Array<Requirement | { include: string; line: number }> = [];
  const dev = DEV_NAME.test(basename(file).replace(/\.(txt|in)$/, ''));
  const lines = splitLines(text);
  let last: Annotation | undefined;

  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let logical = lines[index];
    while (logical.endsWith('\\') && index + 1 < lines.length)
      logical = logical.slice(0, -1) + ' ' + lines[++index];
    const trimmed = logical.trim();

    if (trimmed.startsWith('#')) {
      if (last) readAnnotation(trimmed, last);
      continue;
    }
    if (last?.requirement) finish(last.requirement, last.reasons);
    last = undefined;
    const body = trimmed.replace(/(^|\s)#.*$/, '').trim();
    if (body === '') continue;

    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)$/.exec(body);
    if (include) {
      out.push({ include: include[1], line: start + 1 });
      continue;
    }
    if (body.startsWith('-') || isUrlOrPath(body)) continue;
    const requirement = readRequirement(file, body, start + 1, dev, unpinned);
    if (requirement) out.push(requirement);
    last = { requirement, reasons: [], via: false };
    const inline = /\s#\s*(via\s.*)$/.exec(trimmed);
    if (inline) readAnnotation(`# ${inline[1]}`, last);
  }
  if (last?.requirement) finish(last.requirement, last.reasons);
  return out;
}

/** Whether a requirement names a URL, a path or a `name @ url` reference instead of a release. */
function isUrlOrPath(body: string): boolean {
  return (
    /^(\.|\/|~|[a-z+]+:\/\/|file:)/i.test(body) ||
    /^[^;]*\s@\s/.test(body) ||
    /^[^;@]+@\s*\S+:\/\//.test(body)
  );
}

function readRequirement(
  file: string,
  body: string,
  line: number,
  dev: boolean,
  unpinned: UnpinnedDependency[],
): Requirement | undefined {
  const withoutOptions = body.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/gi, ' ');
  const [spec] = withoutOptions.split(';');
  const match = REQUIREMENT.exec(spec.trim());
  if (!match) {
    throw lockfileError(file, line, `${file}: cannot read "${body.slice(0, 60)}"`, HINT);
  }
  const [, name, , versionSpec] = match;
  const pin = PIN.exec(versionSpec.trim());
  if (!pin) {
    unpinned.push({ name, spec: versionSpec.trim(), line });
    return undefined;
  }
  return {
    name,
    version: pin[1],
    line,
    dev,
    thirdParty: true,
    deps: [],
    file,
    direct: true,
    parents: [],
  };
}

/** Collect `# via` reasons: `# via a, b` on one line, or `# via` followed by `#   a` lines. */
function readAnnotation(comment: string, last: Annotation): void {
  const text = comment.replace(/^#\s*/, '');
  if (/^via(\s|$)/.test(text)) {
    const rest = text.slice(3).trim();
    if (rest) last.reasons.push(...rest.split(',').map((reason) => reason.trim()));
    last.via = true;
  } else if (last.via && /^#\s{2,}\S/.test(comment)) {
    last.reasons.push(text.trim());
  }
}

/** A requirement required only by other packages is transitive; record its parents. */
function finish(requirement: Requirement, reasons: string[]): void {
  if (reasons.length === 0) return;
  const fromFiles = reasons.some((reason) => /^(-r|--requirement)[\s=]/.test(reason));
  requirement.direct = fromFiles;
  requirement.parents = reasons
    .filter((reason) => !reason.startsWith('-'))
    .map((reason) => reason.split(/[[\s]/)[0]);
}
