import { describe, expect, it } from 'vitest';

import { createLogger, silentLogger } from '../../../../src/core/logger.js';
import { FRAMEWORKS } from '../../../../src/scanners/iac/frameworks.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import {
  scanTerraform,
  terraformFramework,
} from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules();
const only = (...ids: string[]) => rules.filter((rule) => ids.includes(rule.id));

function lines(text: string, path = 'infra/main.tf', ids = ['aws-s3-versioning']) {
  const findings = scanTerraform({ files: [{ path, text }], logger: silentLogger }, only(...ids));
  return findings.map((finding) => [finding.ruleId, finding.location.startLine]);
}

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "example-logs"\n}\n';

describe('terraformFramework', () => {
  it('is registered in FRAMEWORKS and wants .tf files and auto-loaded variable files', () => {
    expect(FRAMEWORKS).toContain(terraformFramework);
    expect(
      [
        'main.tf',
        'a/b/vars.tf',
        'main.tf.json',
        'x.tfvars',
        'tf.yaml',
        '.terraform/modules/vpc/main.tf',
        'env/terraform.tfvars',
        'prod.auto.tfvars',
      ].map((path) => terraformFramework.wants(path)),
    ).toEqual([true, true, false, false, false, false, true, true]);
  });

  it('resolves a companion resource declared in another file of the same folder', () => {
    const versioning =
      'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n' +
      '  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';
    const files = [
      { path: 'infra/main.tf', text: BUCKET },
      { path: 'infra/versioning.tf', text: versioning },
      { path: 'other/main.tf', text: BUCKET },
    ];
    const findings = scanTerraform({ files, logger: silentLogger }, only('aws-s3-versioning'));
    expect(findings.map((finding) => [finding.location.path, finding.location.startLine])).toEqual([
      ['other/main.tf', 1],
    ]);
  });

  it('takes variable values from terraform.tfvars and *.auto.tfvars, later files winning', () => {
    const db =
      'variable "public" {\n  default = false\n}\nresource "aws_db_instance" "db" {\n' +
      '  engine              = "postgres"\n  publicly_accessible = var.public\n}\n';
    const scan = (extra: { path: string; text: string }[]) =>
      scanTerraform(
        { files: [{ path: 'env/main.tf', text: db }, ...extra], logger: silentLogger },
        only('aws-rds-public'),
      ).map((finding) => `${finding.location.path}:${finding.location.startLine}`);
    expect(scan([])).toEqual([]);
    expect(scan([{ path: 'env/terraform.tfvars', text: 'public = true\n' }])).toEqual([
      'env/main.tf:6',
    ]);
    expect(
      scan([
        { path: 'env/b.auto.tfvars', text: 'public = false\n' },
        { path: 'env/terraform.tfvars', text: 'public = true\n' },
      ]),
    ).toEqual([]);
    expect(scan([{ path: 'other/terraform.tfvars', text: 'public = true\n' }])).toEqual([]);
  });

  it('points at the companion attribute when the companion is misconfigured, in its own file', () => {
    const versioning =
      'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n' +
      '  versioning_configuration {\n    status = "Suspended"\n  }\n}\n';
    const files = [
      { path: 'infra/main.tf', text: BUCKET },
      { path: 'infra/versioning.tf', text: versioning },
    ];
    const [finding] = scanTerraform({ files, logger: silentLogger }, only('aws-s3-versioning'));
    expect([finding.location.path, finding.location.startLine, finding.properties]).toEqual([
      'infra/versioning.tf',
      4,
      { resource: 'aws_s3_bucket.logs', framework: 'terraform' },
    ]);
  });

  const suppressions: [string, string, number][] = [
    [
      'on the header, with a reason',
      'resource "aws_s3_bucket" "logs" { # bulwark-ignore iac/terraform/aws-s3-versioning: scratch\n',
      0,
    ],
    [
      'on the line above, with a reason',
      '# bulwark-ignore iac/terraform/aws-s3-versioning: scratch data\nresource "aws_s3_bucket" "logs" {\n',
      0,
    ],
    [
      'for the whole framework',
      '# bulwark-ignore iac/terraform/*: generated fixture\nresource "aws_s3_bucket" "logs" {\n',
      0,
    ],
    [
      'without a reason (accepted, as on a finding line)',
      '# bulwark-ignore iac/terraform/aws-s3-versioning\nresource "aws_s3_bucket" "logs" {\n',
      0,
    ],
    [
      'for another rule',
      '# bulwark-ignore iac/terraform/aws-s3-logging: logs\nresource "aws_s3_bucket" "logs" {\n',
      1,
    ],
    [
      'two lines above',
      '# bulwark-ignore iac/terraform/aws-s3-versioning: far\n\nresource "aws_s3_bucket" "logs" {\n',
      1,
    ],
  ];
  it.each(suppressions)('a suppression %s', (_, head, expected) => {
    expect(lines(`${head}  bucket = "example-logs"\n}\n`)).toHaveLength(expected);
  });

  it('keeps the fingerprint when unrelated lines move the resource', () => {
    const scan = (text: string) =>
      scanTerraform(
        { files: [{ path: 'm/main.tf', text }], logger: silentLogger },
        only('aws-s3-versioning'),
      )[0];
    const before = scan(BUCKET);
    const after = scan(`# a new comment\n\n${BUCKET}`);
    expect([before.location.startLine, after.location.startLine]).toEqual([1, 3]);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('fills every field of a finding from the check file', () => {
    const [finding] = scanTerraform(
      { files: [{ path: 'm/main.tf', text: BUCKET }], logger: silentLogger },
      only('aws-s3-versioning'),
    );
    expect(finding).toMatchObject({
      ruleId: 'iac/terraform/aws-s3-versioning',
      scanner: 'iac',
      severity: 'medium',
      title: 'S3 bucket without versioning',
      message: 'aws_s3_bucket.logs does not keep object versions',
      cwe: ['CWE-693'],
      tags: ['fast'],
    });
    expect(finding.fix?.text).toContain('status = "Enabled"');
    expect(finding.fix?.text).toContain('resource "aws_s3_bucket_versioning" "logs" {');
    expect(finding.fix?.text).toContain('bucket = aws_s3_bucket.logs.id');
    expect(finding.help).toContain('versioning');
    expect(finding.references[0]).toMatch(/^https:\/\//);
  });

  it('runs only checks carrying a requested tag', () => {
    const input = { files: [{ path: 'm/main.tf', text: BUCKET }], logger: silentLogger };
    expect(scanTerraform({ ...input, tags: ['deep'] }, only('aws-s3-versioning'))).toEqual([]);
    expect(scanTerraform({ ...input, tags: ['fast'] }, only('aws-s3-versioning'))).toHaveLength(1);
  });

  it('skips a file with a syntax error, logs one line, and scans the rest', () => {
    let log = '';
    const stream = {
      write: (chunk: string) => ((log += chunk), true),
    } as unknown as NodeJS.WritableStream;
    const files = [
      { path: 'a/broken.tf', text: 'resource "aws_s3_bucket" "x" {\n  bucket = \n' },
      { path: 'b/main.tf', text: BUCKET },
    ];
    const findings = scanTerraform(
      { files, logger: createLogger('warn', stream) },
      only('aws-s3-versioning'),
    );
    expect(findings.map((finding) => finding.location.path)).toEqual(['b/main.tf']);
    expect(log).toMatch(/^bulwark warn: a\/broken\.tf:1: terraform: HCL syntax error/);
    expect(log.trim().split('\n')).toHaveLength(1);
  });

  it('runs every check of the pack through the Framework contract', () => {
    const findings = terraformFramework.scan({
      files: [{ path: 'm/main.tf', text: BUCKET }],
      logger: silentLogger,
    });
    expect(findings.map((finding) => finding.ruleId)).toEqual([
      'iac/terraform/aws-s3-encryption',
      'iac/terraform/aws-s3-logging',
      'iac/terraform/aws-s3-public-access-block',
      'iac/terraform/aws-s3-versioning',
    ]);
  });
});
