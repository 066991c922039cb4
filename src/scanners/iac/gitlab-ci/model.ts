import { posix } from 'node:path';

import type { CheckHit } from '../check-finding.js';
import { FIX_YAML, reportUnreadable } from '../check-problems.js';
import { parseYaml, YNode, type Span } from '../check-yaml.js';
import type { FrameworkInput } from '../framework.js';

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
 * `!reference` are not resolved, so a setting inherited that way is not seen. A file that does
 * not parse, and a `local:` include naming no file, are reported as input problems.
 */
export function buildGitlabModel(input: FrameworkInput): GitlabModel {
  const { files } = input;
  const byPath = new Map(files.map((file) => [file.path, file]));
  const chosen = new Set(files.filter((file) => isGitlabCiPath(file.path)).map((f) => f.path));
  const model: GitlabModel = { files: [] };
  const queue = [...chosen];

  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    const file = byPath.get(path);
    if (!file) continue;
    const { source, error } = parseYaml(file.path, file.text);
    if (error) reportUnreadable(input, 'gitlab-ci', path, error, FIX_YAML);
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
    const paths = [...byPath.keys()];
    for (const { pattern, node } of localIncludes(root)) {
      const matched = paths.filter((candidate) => globToRegExp(pattern).test(candidate));
      if (matched.length === 0 && !pattern.includes('*')) {
        const { line, column } = node.span();
        const message = `include names ${pattern}, which does not exist`;
        const action = 'fix the path (relative to the repository root) or remove the include';
        reportUnreadable(input, 'gitlab-ci', path, { line, column, message }, action);
      }
      for (const included of matched.filter((candidate) => !chosen.has(candidate))) {
        chosen.add(included);
        queue.push(included);
      }
    }
  }
  return model;
}

/** The `include:` entries naming files of this repository (`local:` or a plain path). */
export function localIncludes(root: YNode): Array<{ pattern: string; node: YNode }> {
  const include = root.get('include');
  if (!include) return [];
  const entries = include.isSeq() ? include.items() : [include];
  return entries.flatMap((entry) => {
    const at = entry.str() !== undefined ? entry : entry.get('local');
    const value = at?.str();
    if (!at || value === undefined || /^https?:/.test(value)) return [];
    return [{ pattern: posix.normalize(value.replace(/^\/+/, '')), node: at }];
  });
}

/**
 * The files a CI file includes by plain path (`local:` or a bare string, no glob): what a
 * partial scan reads from disk to follow the pipeline.
 */
export function includedPaths(path: string, text: string): string[] {
  const { source } = parseYaml(path, text);
  const doc = source.docs.find((candidate) => YNode.root(source, candidate)?.isMap());
  const root = doc ? YNode.root(source, doc) : undefined;
  if (!root) return [];
  return localIncludes(root)
    .map((entry) => entry.pattern)
    .filter((pattern) => !pattern.includes('*'));
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
    vars: { job: job?.name ?? 'global', owner: job ? `job ${job.name}` : 'the pipeline', ...vars },
  };
}

/** Sections that may carry settings: the file's top level and each job. */
export function sections(model: GitlabModel): Array<{ file: CiFile; job?: CiJob; node: YNode }> {
  return model.files.flatMap((file) => [
    { file, node: file.root },
    ...file.jobs.map((job) => ({ file, job, node: job.node })),
  ]);
}
