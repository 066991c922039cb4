import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { configSchema, defaultConfig, type Config } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import type { Logger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import type { InputProblem, ScanContext, ScanFile } from '../../../src/core/scanner.js';
import { iacScanner } from '../../../src/scanners/iac/index.js';
import { findScanner } from '../../../src/scanners/registry.js';

const TREE: Record<string, string> = {
  'app/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nUSER node\n',
  'app/.dockerignore': '.git\n',
  'web/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nUSER node\n',
  'deploy/web.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: web:1.0.0',
    '          securityContext: {privileged: true}',
    '',
  ].join('\n'),
  'chart/templates/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
  '.github/workflows/ci.yml':
    'on: [push]\npermissions: {contents: read}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/tool@v1\n',
  '.gitlab-ci.yml':
    'include:\n  - local: /ci/test.yml\nlint:\n  image: alpine\n  script: [make lint]\n',
  'ci/test.yml':
    'include: ci/deep.yml\ntest:\n  variables:\n    CI_DEBUG_TRACE: "true"\n  script:\n    - make test\n',
  'ci/deep.yml': 'deep:\n  image: alpine\n  script: [make deep]\n',
  'overlay/kustomization.yaml': 'resources: [../deploy/web.yaml]\npatches:\n  - path: patch.yaml\n',
  'overlay/patch.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          securityContext: {privileged: true}',
    '',
  ].join('\n'),
  'README.md': '# app\n',
};

/** A tree on disk, and a context listing `paths` of it (all of them by default). */
function context(
  options: { paths?: string[]; config?: Config; tags?: string[]; logs?: string[] } = {},
): ScanContext {
  const root = mkdtempSync(join(tmpdir(), 'bulwark-iac-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const files: ScanFile[] = (options.paths ?? Object.keys(TREE)).map((path) => ({
    path,
    absPath: join(root, path),
    size: statSync(join(root, path)).size,
    source: 'worktree',
  }));
  const log = (level: string) => (message: string) => options.logs?.push(`${level}: ${message}`);
  const logger: Logger = {
    debug: () => undefined,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
  return {
    root,
    files,
    config: options.config ?? defaultConfig(),
    signal: new AbortController().signal,
    logger,
    progress: silentProgress,
    tags: options.tags,
    readText: async (file) => readFileSync(file.absPath, 'utf8'),
    reportProblem: () => undefined,
  };
}

async function collect(ctx: ScanContext): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const finding of iacScanner.scan(ctx)) out.push(finding);
  return out;
}

/** `path:line rule` for the findings of the named rules. */
function summary(findings: Finding[], rules: string[]): string[] {
  return findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map((finding) => `${finding.location.path}:${finding.location.startLine} ${finding.ruleId}`)
    .sort();
}

const WATCHED = [
  'iac/dockerfile/copy-context-without-dockerignore',
  'iac/kubernetes/privileged-container',
  'iac/github-actions/unpinned-action',
  'iac/gitlab-ci/debug-trace-enabled',
];

describe('the iac scanner', () => {
  it('is registered', async () => {
    expect(await findScanner('iac')).toBe(iacScanner);
  });

  it.each([
    ['app/Dockerfile', true],
    ['app/.dockerignore', true],
    ['deploy/web.yaml', true],
    ['.github/workflows/ci.yml', true],
    ['README.md', false],
    ['src/index.ts', false],
  ])('wants %s: %s', (path, expected) => {
    expect(iacScanner.wants(path)).toBe(expected);
  });

  it('hands each framework all of its files and reports every framework', async () => {
    const logs: string[] = [];
    const findings = await collect(context({ logs }));
    expect(summary(findings, WATCHED)).toEqual([
      '.github/workflows/ci.yml:7 iac/github-actions/unpinned-action',
      'ci/test.yml:4 iac/gitlab-ci/debug-trace-enabled',
      'deploy/web.yaml:10 iac/kubernetes/privileged-container',
      'overlay/patch.yaml:9 iac/kubernetes/privileged-container',
      'web/Dockerfile:2 iac/dockerfile/copy-context-without-dockerignore',
    ]);
    expect(logs.filter((line) => line.includes('Helm'))).toEqual([
      'warn: kubernetes: skipped 1 Helm template file(s); render them with helm template and scan the output',
    ]);
    expect(findings.every((finding) => finding.scanner === 'iac')).toBe(true);
  });

  it('reads the .dockerignore beside a Dockerfile even when the tier leaves it out', async () => {
    const findings = await collect(context({ paths: ['app/Dockerfile', 'web/Dockerfile'] }));
    expect(summary(findings, WATCHED)).toEqual([
      'web/Dockerfile:2 iac/dockerfile/copy-context-without-dockerignore',
    ]);
  });

  it('checks a changed file included by .gitlab-ci.yml, reading the pipeline from disk', async () => {
    const findings = await collect(context({ paths: ['ci/deep.yml'] }));
    expect(findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`)).toEqual([
      'ci/deep.yml:2 iac/gitlab-ci/image-not-pinned',
    ]);
  });

  it('reads the kustomization beside a changed patch and checks only what it sets', async () => {
    const findings = await collect(context({ paths: ['overlay/patch.yaml'] }));
    expect(findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`)).toEqual([
      'overlay/patch.yaml:9 iac/kubernetes/privileged-container',
    ]);
  });

  it('reports a missing local include as an input problem', async () => {
    const problems: InputProblem[] = [];
    const ctx = {
      ...context({ paths: ['.gitlab-ci.yml'] }),
      reportProblem: (p: InputProblem) => problems.push(p),
    };
    rmSync(join(ctx.root, 'ci/test.yml'));
    await collect(ctx);
    expect(problems).toEqual([
      {
        path: '.gitlab-ci.yml',
        line: 2,
        message:
          'gitlab-ci: include names ci/test.yml, which does not exist; fix the path (relative to the repository root) or remove the include (column 5)',
      },
    ]);
  });

  it('reports no problem of a file read only beside the scan (the unchanged pipeline root)', async () => {
    const problems: InputProblem[] = [];
    const ctx = {
      ...context({ paths: ['ci/deep.yml'] }),
      reportProblem: (p: InputProblem) => problems.push(p),
    };
    rmSync(join(ctx.root, 'ci/test.yml'));
    expect(await collect(ctx)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs only checks carrying a tier tag', async () => {
    const all = await collect(context());
    const fast = await collect(context({ tags: ['fast'] }));
    const rule = 'iac/kubernetes/missing-network-policy';
    expect(all.some((finding) => finding.ruleId === rule)).toBe(true);
    expect(fast.some((finding) => finding.ruleId === rule)).toBe(false);
  });

  it('does nothing when disabled in the configuration', async () => {
    const config = configSchema.parse({ version: 1, scanners: { iac: { enabled: false } } });
    expect(await collect(context({ config }))).toEqual([]);
  });
});
