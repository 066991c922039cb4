import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

import type { Finding } from '../../core/finding.js';
import type { ScanContext, ScanFile, Scanner } from '../../core/scanner.js';
import { stripBom } from './check-yaml.js';
import type { Framework, FrameworkFile } from './framework.js';
import { FRAMEWORKS } from './frameworks.js';
import { gitlabCiFramework } from './gitlab-ci/index.js';
import { includedPaths, isGitlabCiPath } from './gitlab-ci/model.js';

const DOCKERFILE =
  /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]+)?$|\.(?:dockerfile|containerfile)$/i;

/**
 * Read every file some framework may want, then hand each framework all of its files at once
 * (Terraform resolves across a folder; Kubernetes looks for NetworkPolicies across manifests).
 */
async function* scanIac(context: ScanContext): AsyncIterable<Finding> {
  if (!context.config.scanners.iac.enabled) return;
  const texts = new Map<string, string>();
  const candidates = context.files.filter((file) => FRAMEWORKS.some((fw) => fw.wants(file.path)));
  for (const file of candidates) {
    if (context.signal.aborted) return;
    const text = await context.readText(file);
    if (text !== undefined) texts.set(file.path, stripBom(text));
  }
  const scanned = new Set(texts.keys());
  addDockerignores(context, candidates, texts);
  addTerraformModules(context, candidates, texts);
  addKustomizations(context, candidates, texts);
  addGitlabPipeline(context, texts);

  for (const framework of FRAMEWORKS) {
    if (context.signal.aborted) return;
    const files = filesFor(framework, texts);
    if (files.length === 0) continue;
    const started = performance.now();
    const findings = framework.scan({
      files,
      logger: context.logger,
      tags: context.tags,
      // A file read only beside the scan's own is the scan's problem only when scanned itself.
      reportProblem: (problem) => {
        if (scanned.has(problem.path)) context.reportProblem(problem);
      },
    });
    context.logger.debug('iac framework done', {
      framework: framework.id,
      files: files.length,
      findings: findings.length,
      ms: Math.round(performance.now() - started),
    });
    // Files read beside the scan's own (Terraform modules, kustomizations, the GitLab pipeline)
    // inform checks only.
    yield* findings.filter((finding) => scanned.has(finding.location.path));
  }
}

function filesFor(framework: Framework, texts: ReadonlyMap<string, string>): FrameworkFile[] {
  const files: FrameworkFile[] = [];
  for (const [path, text] of texts) {
    if (framework.wants(path, text)) files.push({ path, text });
  }
  return files;
}

/**
 * A Dockerfile's `.dockerignore` decides what `COPY . .` sends, so it is read from disk beside
 * each Dockerfile even when the tier's file list (staged, changed) leaves it out.
 */
function addDockerignores(
  context: ScanContext,
  files: readonly ScanFile[],
  texts: Map<string, string>,
): void {
  for (const file of files) {
    if (!DOCKERFILE.test(file.path)) continue;
    const dir = posix.dirname(file.path);
    for (const name of ['.dockerignore', `${posix.basename(file.path)}.dockerignore`]) {
      const path = dir === '.' ? name : `${dir}/${name}`;
      if (texts.has(path)) continue;
      const abs = join(context.root, path);
      if (existsSync(abs)) texts.set(path, readFileSync(abs, 'utf8'));
    }
  }
}

/** Terraform files and the variable files Terraform loads by itself. */
const TERRAFORM = /(?:\.tf|(?:^|\/)terraform\.tfvars|\.auto\.tfvars)$/;

/**
 * Terraform reads a folder as one module: a bucket's versioning or encryption may sit in a file
 * the tier left out (staged, changed) or an ignore pattern skipped, so the other .tf files of
 * each folder are read from disk; findings located in them are not reported.
 */
function addTerraformModules(
  context: ScanContext,
  files: readonly ScanFile[],
  texts: Map<string, string>,
): void {
  const dirs = new Set(
    files.filter((f) => TERRAFORM.test(f.path)).map((f) => posix.dirname(f.path)),
  );
  for (const dir of dirs) {
    const abs = join(context.root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).filter((entry) => TERRAFORM.test(entry))) {
      const path = dir === '.' ? name : `${dir}/${name}`;
      if (!texts.has(path)) texts.set(path, readFileSync(join(abs, name), 'utf8'));
    }
  }
}

/** Read a file of the repository into `texts` unless it is there already or does not exist. */
function readBeside(context: ScanContext, path: string, texts: Map<string, string>): boolean {
  if (texts.has(path)) return true;
  const abs = join(context.root, path);
  if (!existsSync(abs) || !statSync(abs).isFile()) return false;
  texts.set(path, stripBom(readFileSync(abs, 'utf8')));
  return true;
}

const KUSTOMIZATIONS = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * A kustomization says which manifests of its folder are patches (partial objects), so it is
 * read from disk beside every YAML file of the scan. A kustomization in another folder than
 * its patch is not read this way, so in a partial scan such a patch is checked in full.
 */
function addKustomizations(
  context: ScanContext,
  files: readonly ScanFile[],
  texts: Map<string, string>,
): void {
  const dirs = new Set(
    files.filter((f) => /\.ya?ml$/i.test(f.path)).map((f) => posix.dirname(f.path)),
  );
  for (const dir of dirs) {
    for (const name of KUSTOMIZATIONS) readBeside(context, posix.join(dir, name), texts);
  }
}

/**
 * A file included by .gitlab-ci.yml is checked as part of the pipeline: when a partial scan
 * (staged, changed) holds any file GitLab CI may include, the root .gitlab-ci.yml and the files
 * it includes by plain path are read from disk. Globs are matched against the scan's own files.
 */
function addGitlabPipeline(context: ScanContext, texts: Map<string, string>): void {
  const ciFiles = [...texts].filter(([path, text]) => gitlabCiFramework.wants(path, text));
  if (ciFiles.length === 0) return;
  readBeside(context, '.gitlab-ci.yml', texts);

  const queue = [...texts.keys()].filter((path) => isGitlabCiPath(path));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    for (const included of includedPaths(path, texts.get(path) ?? '')) {
      if (seen.has(included)) continue;
      seen.add(included);
      if (readBeside(context, included, texts)) queue.push(included);
    }
  }
}

/** The infrastructure-as-code scanner: Terraform, Kubernetes, Dockerfiles and CI workflows. */
export const iacScanner: Scanner = {
  id: 'iac',
  description:
    'Infrastructure as code: Terraform, Kubernetes, Dockerfile, GitHub Actions, GitLab CI',
  fast: true,
  wants: (path) => FRAMEWORKS.some((framework) => framework.wants(path)),
  scan: scanIac,
};
