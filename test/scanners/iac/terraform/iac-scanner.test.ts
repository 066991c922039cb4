import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { defaultConfig } from '../../../../src/core/config-schema.js';
import type { Finding } from '../../../../src/core/finding.js';
import { silentLogger } from '../../../../src/core/logger.js';
import { silentProgress } from '../../../../src/core/progress.js';
import type { ScanContext } from '../../../../src/core/scanner.js';
import { iacScanner } from '../../../../src/scanners/iac/index.js';

const root = mkdtempSync(join(tmpdir(), 'bulwark-tf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "example-logs"\n}\n',
  'infra/versioning.tf':
    'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n' +
    '  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' +
    'resource "aws_ebs_volume" "scratch" {\n  availability_zone = "eu-west-1a"\n  size = 10\n}\n',
};
for (const [path, text] of Object.entries(FILES)) {
  mkdirSync(join(root, 'infra'), { recursive: true });
  writeFileSync(join(root, path), text);
}

async function scan(paths: string[]): Promise<string[]> {
  const context = {
    root,
    files: paths.map((path) => ({
      path,
      absPath: join(root, path),
      size: statSync(join(root, path)).size,
      source: 'worktree' as const,
    })),
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    readText: async (file: { absPath: string }) => readFileSync(file.absPath, 'utf8'),
    reportProblem: () => undefined,
  } as ScanContext;
  const findings: Finding[] = [];
  for await (const finding of iacScanner.scan(context)) findings.push(finding);
  return findings
    .filter((finding) => finding.ruleId.startsWith('iac/terraform/'))
    .map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.startLine}`);
}

describe('the iac scanner on part of a Terraform folder', () => {
  it('reads the rest of the folder to resolve companions, and reports only in the scanned files', async () => {
    expect(await scan(['infra/main.tf'])).toEqual([
      'iac/terraform/aws-s3-encryption infra/main.tf:1',
      'iac/terraform/aws-s3-logging infra/main.tf:1',
      'iac/terraform/aws-s3-public-access-block infra/main.tf:1',
    ]);
  });

  it('reports in every file when the whole folder is scanned', async () => {
    expect(await scan(['infra/main.tf', 'infra/versioning.tf'])).toContain(
      'iac/terraform/aws-ebs-encryption infra/versioning.tf:7',
    );
  });
});
