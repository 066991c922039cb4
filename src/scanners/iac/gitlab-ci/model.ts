import { posix } from 'node:path';

import type { Logger } from '../../../core/logger.js';
import type { CheckHit } from '../check-finding.js';
import { parseYaml, YNode, type Span } from '../check-yaml.js';
import type { FrameworkFile } from '../framework.js';

/** Top-level keys of .gitlab-ci.yml that are settings, not jobs. */
const RESERVED = new Set([
  'stages',
  'variables',
  'include',
  'default',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'spec',
]);

/** A CI configuration file: the root .gitlab-ci.yml or a file it includes. */
export interface CiFile {
  path: string;
  root: YNode;
  jobs: CiJob[];
}

/** A job (hidden template jobs such as `.build` included) or the `default:` section. */
export interface CiJob {
  file: CiFile;
  name: string;
  node: YNode;
}

/** Every CI file of the scan. */
export interface GitlabModel {
  files: CiFile[];
}

/** True for .gitlab-ci.yml, *.gitlab-ci.yml and YAML under a .gitlab/ folder. */
export function isGitlabCiPath(path: string): boolean {
  return /(?:^|\/|\.)gitlab-ci\.ya?ml$/i.test(path) || /(?:^|\/)\.gitlab\/.+\.ya?ml$/i.test(path);
}

/** YAML that may be a file included by .gitlab-ci.yml: top-level jobs with a `script:`. */
export function mayBeCiInclude(path: string, text?: string): boolean {
  if (!/\.ya?ml$/i.test(path) || /(?:^|\/)\.github\//.test(path)) return false;
  return text === undefined || (/^ {2,}script:/m.test(text) && !/^apiVersion:/m.test(text));
}

/**
 * Parse the root CI files, the local files they include, and CI files by name. `include:`
 * entries of other projects, remote URLs and templates are not fetched, and `extends:` and
 * `!reference` are not resolved, so a setting inherited that way is not seen.
 */
export function buildGitlabModel(files: readonly FrameworkFile[], logger: Logger): GitlabModel {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const chosen = new Set(files.filter((file) => isGitlabCiPath(file.path)).map((f) => f.path));
  const model: GitlabModel = { files: [] };
  const queue = [...chosen];

  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    const file = byPath.get(path);
    if (!file) continue;
    const { source, error } = parseYaml(file.path, file.text);
    if (error) logger.warn(`gitlab-ci: skipped a malformed YAML file: ${error}`, { path });
    const doc = source.docs.find((candidate) => YNode.root(source, candidate)?.isMap());
    const root = doc ? YNode.root(source, doc) : undefined;
    if (!root) continue;
    const ciFile: CiFile = { path, root, jobs: [] };
    for (const [name, node] of root.entries()) {
      if ((!RESERVED.has(name) || name === 'default') && node.isMap()) {
        ciFile.jobs.push({ file: ciFile, name, node });
      }
    }
    model.files.push(ciFile);
    for (const included of localIncludes(root, [...byPath.keys()])) {
      if (!chosen.has(included)) {
        chosen.add(included);
        queue.push(included);
      }
    }
  }
  return model;
}

/** Paths of the scan matched by `include:` entries (`local:` or a plain path, `*` globs). */
function localIncludes(root: YNode, paths: readonly string[]): string[] {
  const include = root.get('include');
  if (!include) return [];
  const entries = include.isSeq() ? include.items() : [include];
  const patterns = entries
    .map((entry) => entry.str() ?? entry.get('local')?.str())
    .filter((value): value is string => value !== undefined && !/^https?:/.test(value));
  return patterns.flatMap((pattern) => {
    const clean = posix.normalize(pattern.replace(/^\/+/, ''));
    return paths.filter((path) => globToRegExp(clean).test(path));
  });
}

/** A RegExp for a GitLab include glob: `**` crosses folders, `*` stays within one. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A hit on a job (or on the file's top level when `job` is undefined). */
export function ciHit(
  file: CiFile,
  job: CiJob | undefined,
  span: Span,
  detail: string,
  vars: Record<string, string> = {},
): CheckHit {
  return {
    path: file.path,
    ...span,
    address: `${job ? `jobs.${job.name}` : 'global'}/${detail}`,
    resource: job ? `job ${job.name}` : 'pipeline',
    resourceLines: job ? [job.node.line] : [],
    vars: { job: job?.name ?? 'global', ...vars },
  };
}

/** Sections that may carry settings: the file's top level and each job. */
export function sections(model: GitlabModel): Array<{ file: CiFile; job?: CiJob; node: YNode }> {
  return model.files.flatMap((file) => [
    { file, node: file.root },
    ...file.jobs.map((job) => ({ file, job, node: job.node })),
  ]);
}
