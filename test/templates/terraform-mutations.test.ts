import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../src/core/logger.js';
import { terraformFramework } from '../../src/scanners/iac/terraform/terraform-framework.js';
import { templateFiles } from '../../src/templates/catalog.js';

const module = templateFiles(['terraform-aws']).filter((file) => file.path.endsWith('.tf'));
const DIR = 'infra/terraform';
const original = new Map(
  module.map((file) => [file.path.slice(DIR.length + 1), readFileSync(file.source, 'utf8')]),
);

/** Remove the block whose header is `header`, through its matching closing brace. */
function withoutBlock(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`no block ${header}`);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(0, start) + text.slice(i + 2);
  }
  throw new Error(`unbalanced block ${header}`);
}

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no text ${from}`);
  return text.replace(from, to);
}

/** A guardrail taken out: the file changed, how, and where the check must then point. */
interface Mutation {
  name: string;
  file: string;
  mutate(text: string): string;
  rule: string;
  /** The text of the line the finding must be on, in the mutated files, and its file. */
  at: { file: string; line: string };
}

const S3 = 's3.tf';
const DATA_BUCKET = 'resource "aws_s3_bucket" "data" {';
const MUTATIONS: Mutation[] = [
  {
    name: 'the data bucket encryption resource',
    file: S3,
    mutate: (t) =>
      withoutBlock(t, 'resource "aws_s3_bucket_server_side_encryption_configuration" "data"'),
    rule: 'aws-s3-encryption',
    at: { file: S3, line: DATA_BUCKET },
  },
  {
    name: 'the KMS key of the data bucket encryption',
    file: S3,
    mutate: (t) => replaced(t, 'sse_algorithm     = "aws:kms"', 'sse_algorithm     = "AES256"'),
    rule: 'aws-s3-encryption',
    at: { file: S3, line: 'sse_algorithm     = "AES256"' },
  },
  {
    name: 'the data bucket versioning resource',
    file: S3,
    mutate: (t) => withoutBlock(t, 'resource "aws_s3_bucket_versioning" "data"'),
    rule: 'aws-s3-versioning',
    at: { file: S3, line: DATA_BUCKET },
  },
  {
    name: 'versioning status Enabled',
    file: S3,
    mutate: (t) => replaced(t, 'status = "Enabled"', 'status = "Suspended"'),
    rule: 'aws-s3-versioning',
    at: { file: S3, line: 'status = "Suspended"' },
  },
  {
    name: 'the data bucket logging resource',
    file: S3,
    mutate: (t) => withoutBlock(t, 'resource "aws_s3_bucket_logging" "data"'),
    rule: 'aws-s3-logging',
    at: { file: S3, line: DATA_BUCKET },
  },
  {
    name: 'the data bucket public access block',
    file: S3,
    mutate: (t) => withoutBlock(t, 'resource "aws_s3_bucket_public_access_block" "data"'),
    rule: 'aws-s3-public-access-block',
    at: { file: S3, line: DATA_BUCKET },
  },
  {
    name: 'block_public_policy of the data bucket',
    file: S3,
    mutate: (t) => replaced(t, 'block_public_policy     = true', 'block_public_policy     = false'),
    rule: 'aws-s3-public-access-block',
    at: { file: S3, line: 'block_public_policy     = false' },
  },
  {
    name: 'the reasoned suppression on the log bucket',
    file: S3,
    mutate: (t) =>
      replaced(
        t,
        '# bulwark-ignore iac/terraform/aws-s3-encryption: S3 log delivery supports only SSE-S3 targets\n',
        '',
      ),
    rule: 'aws-s3-encryption',
    // The log bucket's encryption resource exists, so the finding is on its algorithm.
    at: { file: S3, line: 'sse_algorithm = "AES256"' },
  },
  {
    name: 'KMS key rotation',
    file: 'kms.tf',
    mutate: (t) => replaced(t, 'enable_key_rotation     = true', 'enable_key_rotation     = false'),
    rule: 'aws-kms-rotation',
    at: { file: 'kms.tf', line: 'enable_key_rotation     = false' },
  },
  {
    name: 'the KMS rotation attribute',
    file: 'kms.tf',
    mutate: (t) => replaced(t, '  enable_key_rotation     = true\n', ''),
    rule: 'aws-kms-rotation',
    at: { file: 'kms.tf', line: 'resource "aws_kms_key" "data" {' },
  },
  {
    name: 'RDS storage_encrypted',
    file: 'rds.tf',
    mutate: (t) => replaced(t, 'storage_encrypted     = true', 'storage_encrypted     = false'),
    rule: 'aws-rds-encryption',
    at: { file: 'rds.tf', line: 'storage_encrypted     = false' },
  },
  {
    name: 'the backup retention default of the variable',
    file: 'variables.tf',
    mutate: (t) => replaced(t, 'default     = 14', 'default     = 1'),
    rule: 'aws-rds-backup-retention',
    at: { file: 'rds.tf', line: 'backup_retention_period   = var.backup_retention_days' },
  },
  {
    name: 'RDS deletion protection',
    file: 'rds.tf',
    mutate: (t) => replaced(t, '  deletion_protection       = true\n', ''),
    rule: 'aws-rds-deletion-protection',
    at: { file: 'rds.tf', line: 'resource "aws_db_instance" "main" {' },
  },
  {
    name: 'RDS publicly_accessible false',
    file: 'rds.tf',
    mutate: (t) => replaced(t, 'publicly_accessible    = false', 'publicly_accessible    = true'),
    rule: 'aws-rds-public',
    at: { file: 'rds.tf', line: 'publicly_accessible    = true' },
  },
  {
    name: 'RDS IAM authentication',
    file: 'rds.tf',
    mutate: (t) =>
      replaced(
        t,
        'iam_database_authentication_enabled = true',
        'iam_database_authentication_enabled = false',
      ),
    rule: 'aws-rds-iam-auth',
    at: { file: 'rds.tf', line: 'iam_database_authentication_enabled = false' },
  },
  {
    name: 'RDS log exports',
    file: 'rds.tf',
    mutate: (t) =>
      replaced(t, '  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]\n', ''),
    rule: 'aws-rds-log-exports',
    at: { file: 'rds.tf', line: 'resource "aws_db_instance" "main" {' },
  },
];

function scan(texts: Map<string, string>) {
  const files = [...texts].map(([path, text]) => ({ path: `${DIR}/${path}`, text }));
  return terraformFramework.scan({ files, logger: silentLogger });
}

describe('the Terraform template without one guardrail', () => {
  it('is clean as shipped', () => {
    expect(scan(original)).toEqual([]);
  });

  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))('%s', (_, mutation) => {
    const texts = new Map(original);
    texts.set(mutation.file, mutation.mutate(original.get(mutation.file) ?? ''));
    const target = (texts.get(mutation.at.file) ?? '').split('\n');
    const line = target.findIndex((text) => text.includes(mutation.at.line)) + 1;
    expect(line).toBeGreaterThan(0);

    const findings = scan(texts).map((f) => [f.ruleId, f.location.path, f.location.startLine]);
    expect(findings).toEqual([
      [`iac/terraform/${mutation.rule}`, `${DIR}/${mutation.at.file}`, line],
    ]);
  });
});
