import { posix } from 'node:path';
import semver from 'semver';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, Package, ReadSibling } from './package.js';
import { splitLines } from './text-lines.js';

const HINT = 'fix the line, or run `go mod tidy` to rewrite go.mod';

/** A `require` line of go.mod. */
interface Requirement {
  module: string;
  version: string;
  line: number;
  indirect: boolean;
}

/** A `replace` directive: a module (at one version or all) → another module or a local path. */
interface Replacement {
  from: string;
  fromVersion?: string;
  to: string;
  toVersion?: string;
}

/**
 * go.mod. Required modules are direct unless marked `// indirect`; `replace` directives are
 * applied (a module replaced by a local directory is the project's own code and is left out).
 * Since Go 1.17 go.mod lists every module the build needs. For a go.mod older than Go 1.17,
 * modules only go.sum names are added at the highest version go.sum holds, which can
 * over-report; go.mod and go.sum record no graph, so indirect modules have no paths. Modules
 * added from go.sum are located in go.sum (their `lockfile` is go.sum's path).
 */
export function parseGoMod(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const { requirements, replacements, goVersion } = readGoMod(path, content);
  const packages: Package[] = [];
  for (const requirement of requirements) {
    const replaced = applyReplace(requirement, replacements);
    if (!replaced) continue;
    const label = `${replaced.module}@${replaced.version}`;
    packages.push({
      ecosystem: 'Go',
      name: replaced.module,
      version: replaced.version,
      direct: !requirement.indirect,
      dev: false,
      paths: requirement.indirect ? [] : [[label]],
      line: requirement.line,
      lockfile: path,
    });
  }
  const old = goVersion === undefined || semver.lt(semver.coerce(goVersion) ?? '0.0.0', '1.17.0');
  const sum = old ? readSibling?.('go.sum') : undefined;
  if (sum !== undefined) {
    const known = new Set(requirements.map((requirement) => requirement.module));
    packages.push(
      ...fromGoSum(posix.join(posix.dirname(path), 'go.sum'), sum, known, replacements),
    );
  }
  return { lockfile: path, format: 'go.mod', packages, unpinned: [] };
}

function applyReplace(
  requirement: Requirement,
  replacements: Replacement[],
): Requirement | undefined {
  const rule =
    replacements.find(
      (r) => r.from === requirement.module && r.fromVersion === requirement.version,
    ) ?? replacements.find((r) => r.from === requirement.module && r.fromVersion === undefined);
  if (!rule) return requirement;
  if (rule.toVersion === undefined) return undefined;
  return { ...requirement, module: rule.to, version: rule.toVersion };
}

/** Directives of go.mod that matter here, in one pass over its lines. */
function readGoMod(path: string, content: string) {
  const requirements: Requirement[] = [];
  const replacements: Replacement[] = [];
  let goVersion: string | undefined;
  let block: string | undefined;
  let named = false;
  let blockLine = 0;
  const lines = splitLines(content);

  lines.forEach((raw, index) => {
    const line = index + 1;
    const comment = raw.indexOf('//');
    const code = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment).trim());
    if (code === '') return;
    if (block !== undefined) {
      if (code === ')') return void (block = undefined);
      return directive(path, block, code, line, indirect, requirements, replacements);
    }
    const open = /^(\w+)\s*\($/.exec(code);
    if (open) {
      block = open[1];
      blockLine = line;
      return;
    }
    const [verb, ...rest] = code.split(/\s+/);
    if (verb === 'go') goVersion = rest[0];
    if (verb === 'module') named = true;
    directive(path, verb, rest.join(' '), line, indirect, requirements, replacements);
  });
  if (block !== undefined) {
    throw lockfileError(
      path,
      blockLine,
      `${path}: the ${block} block is not closed: no ")" before the end of the file`,
      HINT,
    );
  }
  // The go command refuses a go.mod without a module directive, and so does `go mod tidy`:
  // an empty go.mod is not an empty project but a broken file.
  if (!named) {
    throw lockfileError(path, 1, `${path} has no "module" line, so Go cannot read it`, HINT);
  }
  return { requirements, replacements, goVersion };
}

function directive(
  path: string,
  verb: string,
  args: string,
  line: number,
  indirect: boolean,
  requirements: Requirement[],
  replacements: Replacement[],
): void {
  const parts = args.split(/\s+/).map(unquote);
  if (verb === 'require') {
    if (parts.length !== 2 || !parts[1].startsWith('v')) {
      throw lockfileError(path, line, `${path}: expected "module vX.Y.Z", found "${args}"`, HINT);
    }
    requirements.push({ module: parts[0], version: parts[1], line, indirect });
  } else if (verb === 'replace') {
    const arrow = parts.indexOf('=>');
    if (arrow < 1 || arrow > 2 || parts.length - arrow - 1 < 1) {
      throw lockfileError(
        path,
        line,
        `${path}: expected "module [version] => target [version]"`,
        HINT,
      );
    }
    const [from, fromVersion] = parts.slice(0, arrow);
    const [to, toVersion] = parts.slice(arrow + 1);
    const local = /^(\.{1,2}\/|\/)/.test(to);
    replacements.push({ from, fromVersion, to, toVersion: local ? undefined : toVersion });
  }
}

function unquote(value: string): string {
  return /^".*"$|^`.*`$/.test(value) ? value.slice(1, -1) : value;
}

/** Modules that only go.sum names, at the highest version it holds a content hash for. */
function fromGoSum(
  file: string,
  content: string,
  known: Set<string>,
  replacements: Replacement[],
): Package[] {
  const best = new Map<string, { version: string; line: number }>();
  splitLines(content).forEach((raw, index) => {
    const [module, version] = raw.trim().split(/\s+/);
    if (!module || !version || version.endsWith('/go.mod') || known.has(module)) return;
    const held = best.get(module);
    if (
      !held ||
      (semver.valid(version) && semver.valid(held.version) && semver.gt(version, held.version))
    ) {
      best.set(module, { version, line: index + 1 });
    }
  });
  const out: Package[] = [];
  for (const [module, { version, line }] of best) {
    const replaced = applyReplace({ module, version, line, indirect: true }, replacements);
    if (!replaced) continue;
    out.push({
      ecosystem: 'Go',
      name: replaced.module,
      version: replaced.version,
      direct: false,
      dev: false,
      paths: [],
      line,
      lockfile: file,
    });
  }
  return out;
}
