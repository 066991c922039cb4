import { packagesFromGraph, type GraphNode, type GraphRoot } from './dependency-graph.js';
import { lockfileError } from './lockfile-error.js';
import type { LockfileResult, ReadSibling } from './package.js';
import { splitLines } from './text-lines.js';

const HINT = 'regenerate it with `bundle lock` (or restore it from version control)';
const SPEC = /^([^\s(!]+)(?: \(([^)]*)\))?!?$/;
const DEV_GROUPS = new Set(['development', 'test']);

/**
 * Gemfile.lock and gems.locked (Bundler). Gems under a GEM source are registry releases; GIT
 * and PATH gems are not and are left out, though what they depend on keeps its paths. A
 * platform suffix (`1.13.10-x86_64-linux`) is not part of the version. Direct gems are those
 * under DEPENDENCIES; a gem is for development when the Gemfile beside the lockfile declares it
 * only inside `group :development` / `:test` blocks.
 */
export function parseGemfileLock(
  path: string,
  content: string,
  readSibling?: ReadSibling,
): LockfileResult {
  const nodes = new Map<string, GraphNode>();
  const declared: string[] = [];
  let section = '';
  let inSpecs = false;
  let current: GraphNode | undefined;

  splitLines(content).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (indent === 0) {
      section = text;
      inSpecs = false;
      return;
    }
    const registry = section === 'GEM';
    const sourced =
      registry || section === 'GIT' || section === 'PATH' || section === 'PLUGIN SOURCE';
    if (sourced && indent === 2) inSpecs = text === 'specs:';
    else if (sourced && inSpecs && indent === 4) {
      const spec = SPEC.exec(text);
      if (!spec || spec[2] === undefined) {
        throw lockfileError(
          path,
          line,
          `${path}: expected "name (version)", found "${text}"`,
          HINT,
        );
      }
      const version = spec[2].split('-')[0];
      const known = nodes.get(spec[1]);
      if (known && (known.thirdParty || !registry)) {
        current = known;
        return;
      }
      current = { id: spec[1], name: spec[1], version, line, thirdParty: registry, deps: [] };
      nodes.set(spec[1], current);
    } else if (sourced && inSpecs && indent === 6 && current) {
      const dep = SPEC.exec(text);
      if (dep) current.deps.push(dep[1]);
    } else if (section === 'DEPENDENCIES' && indent === 2) {
      const dep = SPEC.exec(text);
      if (dep) declared.push(dep[1]);
    }
  });

  const devGems = gemfileDevGems(readSibling);
  const roots: GraphRoot[] = declared.map((id) => ({ id, dev: devGems.has(id) }));
  const packages = packagesFromGraph(nodes, roots, 'RubyGems', path);
  return { lockfile: path, format: 'Gemfile.lock', packages, unpinned: [] };
}

/**
 * Gems the Gemfile declares only in development or test groups: `group :development do` blocks
 * and `gem "x", group: :test` options. Gemfile groups are read line by line from the common
 * forms (`group :test do`, `group: :test`), not by evaluating Ruby.
 */
function gemfileDevGems(readSibling?: ReadSibling): Set<string> {
  const text = readSibling?.('Gemfile') ?? readSibling?.('gems.rb');
  if (text === undefined) return new Set();
  const dev = new Set<string>();
  const prod = new Set<string>();
  const groups: boolean[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.replace(/#.*$/, '').trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(line);
    if (group) {
      const names = [...group[1].matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]);
      groups.push(names.length > 0 && names.every((name) => DEV_GROUPS.has(name)));
      continue;
    }
    if (/^(do|if|unless|platforms|install_if|source)\b.*\bdo\b/.test(line))
      groups.push(groups.at(-1) ?? false);
    else if (line === 'end') groups.pop();
    const gem = /^gem\s+["']([^"']+)["'](.*)$/.exec(line);
    if (!gem) continue;
    const option = /\bgroups?:\s*(\[[^\]]*\]|:\w+)/.exec(gem[2]);
    const optionDev = option
      ? [...option[1].matchAll(/:(\w+)/g)].every((m) => DEV_GROUPS.has(m[1]))
      : false;
    (groups.at(-1) === true || optionDev ? dev : prod).add(gem[1]);
  }
  return new Set([...dev].filter((name) => !prod.has(name)));
}
