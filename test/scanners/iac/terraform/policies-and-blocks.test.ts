import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../../src/core/logger.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import { scanTerraform } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules();

function scan(text: string, ids: string[]) {
  const files = [{ path: 'm/main.tf', text }];
  const chosen = rules.filter((rule) => ids.includes(rule.id));
  return scanTerraform({ files, logger: silentLogger }, chosen).map((finding) => [
    finding.ruleId,
    finding.location.startLine,
    finding.location.startColumn,
    finding.message,
  ]);
}

const IAM = ['aws-iam-wildcard-admin'];

describe('IAM statements are judged one by one', () => {
  const heredoc = [
    'resource "aws_iam_policy" "p" {',
    '  policy = <<EOT',
    '{',
    '  "Statement": [',
    '    {',
    '      "Sid": "${var.sid}",',
    '      "Effect": "Allow",',
    '      "Action": "s3:GetObject",',
    '      "Resource": "${aws_s3_bucket.b.arn}/*"',
    '    },',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": ["ec2:Describe*", "iam:*"],',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
    'EOT',
    '}',
    '',
  ].join('\n');
  const encoded = [
    'resource "aws_iam_policy" "p" {',
    '  policy = jsonencode({',
    '    Statement = [',
    '      { Effect = "Allow", Action = "s3:*", Resource = "${aws_s3_bucket.b.arn}/*" },',
    '      {',
    '        Sid      = var.sid',
    '        Effect   = "Allow"',
    '        Action   = "*"',
    '        Resource = "*"',
    '      },',
    '    ]',
    '  })',
    '}',
    '',
  ].join('\n');
  const cases: [string, string, (string | number)[][]][] = [
    [
      'a heredoc with an interpolated ARN and Sid',
      heredoc,
      [
        [
          'iac/terraform/aws-iam-wildcard-admin',
          13,
          35,
          'aws_iam_policy.p allows "iam:*" on all resources',
        ],
      ],
    ],
    [
      'jsonencode with an interpolated ARN and a Sid from a variable',
      encoded,
      [
        [
          'iac/terraform/aws-iam-wildcard-admin',
          8,
          20,
          'aws_iam_policy.p allows "*" on all resources',
        ],
      ],
    ],
    [
      'a statement whose resource is unknown stays silent',
      encoded.replace('Resource = "*"', 'Resource = var.arn'),
      [],
    ],
    [
      'a statement whose effect is unknown stays silent',
      encoded.replace('Effect   = "Allow"', 'Effect   = var.effect'),
      [],
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(scan(text, IAM)).toEqual(expected);
  });

  it('names the action of a policy document data source', () => {
    const text =
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObject", "kms:*"]\n' +
      '    resources = ["*"]\n  }\n}\n';
    expect(scan(text, IAM)).toEqual([
      [
        'iac/terraform/aws-iam-wildcard-admin',
        3,
        5,
        'data.aws_iam_policy_document.d allows "kms:*" on all resources',
      ],
    ]);
  });
});

describe('blocks as Terraform generates them', () => {
  it('checks security group rules written as a list of objects', () => {
    const text =
      'resource "aws_security_group" "s" {\n  ingress = [{\n    from_port   = 22\n    to_port     = 22\n' +
      '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }]\n}\n';
    expect(scan(text, ['aws-sg-ssh-open'])).toEqual([
      [
        'iac/terraform/aws-sg-ssh-open',
        6,
        5,
        'aws_security_group.s lets the whole internet reach SSH (port 22)',
      ],
    ]);
  });

  const imds = (forEach: string) =>
    'resource "aws_instance" "i" {\n  ami = "ami-1"\n  dynamic "metadata_options" {\n' +
    `    for_each = ${forEach}\n    content {\n      http_tokens = "required"\n    }\n  }\n}\n`;
  const dynamic: [string, string, (string | number)[][]][] = [
    [
      'an empty for_each generates no block',
      imds('[]'),
      [
        [
          'iac/terraform/aws-ec2-imdsv2',
          1,
          1,
          'aws_instance.i serves instance credentials to requests without a session token',
        ],
      ],
    ],
    ['a one-element for_each generates the block', imds('[1]'), []],
    ['an unknown for_each counts as generating it', imds('var.options'), []],
  ];
  it.each(dynamic)('%s', (_, text, expected) => {
    expect(scan(text, ['aws-ec2-imdsv2'])).toEqual(expected);
  });
});

describe('messages', () => {
  const acl: [string, string][] = [
    [
      'public-read',
      'aws_s3_bucket_acl.a uses a canned ACL that lets anyone on the internet read the bucket',
    ],
    [
      'public-read-write',
      'aws_s3_bucket_acl.a uses a canned ACL that lets anyone on the internet read and write the bucket',
    ],
    [
      'authenticated-read',
      'aws_s3_bucket_acl.a uses a canned ACL that lets every AWS account read the bucket',
    ],
  ];
  it.each(acl)('the %s ACL says what it grants', (name, message) => {
    const text = `resource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "${name}"\n}\n`;
    expect(scan(text, ['aws-s3-public-acl'])).toEqual([
      ['iac/terraform/aws-s3-public-acl', 3, 3, message],
    ]);
  });
});
