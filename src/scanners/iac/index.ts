import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

import type { Finding } from '../../core/finding.js';
import type { ScanContext, ScanFile, Scanner } from '../../core/scanner.js';
import type { Framework, FrameworkFile } from './framework.js';
import { FRAMEWORKS } from './frameworks.js';

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
    if (text !== undefined) texts.set(file.path, text);
  }
  const scanned = new Set(texts.keys());
  addDockerignores(context, candidates, texts);
  addTerraformModules(context, candidates, texts);

  for (const framework of FRAMEWORKS) {
    if (context.signal.aborted) return;
    const files = filesFor(framework, texts);
    if (files.length === 0) continue;
    const started = performance.now();
    const findings = framework.scan({
      files,
      logger: context.logger,
      tags: context.tags,
      reportProblem: context.reportProblem,
    });
    context.logger.debug('iac framework done', {
      framework: framework.id,
      files: files.length,
      findings: findings.length,
      ms: Math.round(performance.now() - started),
    });
    // Files read beside the scan's own (see addTerraformModules) inform checks only.
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

/** The infrastructure-as-code scanner: Terraform, Kubernetes, Dockerfiles and CI workflows. */
export const iacScanner: Scanner = {
  id: 'iac',
  description:
    'Infrastructure as code: Terraform, Kubernetes, Dockerfile, GitHub Actions, GitLab CI',
  fast: true,
  wants: (path) => FRAMEWORKS.some((framework) => framework.wants(path)),
  scan: scanIac,
};
