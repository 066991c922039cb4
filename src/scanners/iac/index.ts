import { existsSync, readFileSync } from 'node:fs';
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
  addDockerignores(context, candidates, texts);

  for (const framework of FRAMEWORKS) {
    if (context.signal.aborted) return;
    const files = filesFor(framework, texts);
    if (files.length === 0) continue;
    const started = performance.now();
    const findings = framework.scan({ files, logger: context.logger, tags: context.tags });
    context.logger.debug('iac framework done', {
      framework: framework.id,
      files: files.length,
      findings: findings.length,
      ms: Math.round(performance.now() - started),
    });
    yield* findings;
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

/** The infrastructure-as-code scanner: Terraform, Kubernetes, Dockerfiles and CI workflows. */
export const iacScanner: Scanner = {
  id: 'iac',
  description:
    'Infrastructure as code: Terraform, Kubernetes, Dockerfile, GitHub Actions, GitLab CI',
  fast: true,
  wants: (path) => FRAMEWORKS.some((framework) => framework.wants(path)),
  scan: scanIac,
};
