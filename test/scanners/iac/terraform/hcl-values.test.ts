import { describe, expect, it } from 'vitest';

import { parseHcl } from '../../../../src/scanners/iac/terraform/hcl-parse.js';
import {
  evaluate,
  UNKNOWN,
  type Value,
} from '../../../../src/scanners/iac/terraform/hcl-values.js';
import { buildModules, instancesOf } from '../../../../src/scanners/iac/terraform/module.js';

const DEFINITIONS = `
variable "region" {
  default = "eu-west-1"
}
variable "ports" {
  default = [22, 443]
}
variable "secret" {
  type = string
}
locals {
  prefix = "app-\${var.region}"
  sizes  = { small = 1, large = 8 }
  loop_a = local.loop_b
  loop_b = local.loop_a
}
`;

const CASES: [string, Value][] = [
  ['"plain"', 'plain'],
  ['42', 42],
  ['-3.5', -3.5],
  ['true', true],
  ['null', null],
  ['[1, "a", false]', [1, 'a', false]],
  ['{ a = 1, "b-c" = "d" }', { a: 1, 'b-c': 'd' }],
  ['var.region', 'eu-west-1'],
  ['var.ports[1]', 443],
  ['var.secret', UNKNOWN],
  ['local.prefix', 'app-eu-west-1'],
  ['local.sizes.large', 8],
  ['local.sizes["small"]', 1],
  ['"${local.prefix}-logs"', 'app-eu-west-1-logs'],
  ['"${aws_s3_bucket.logs.id}"', UNKNOWN],
  ['jsonencode({ Action = "*" })', '{"Action":"*"}'],
  ['jsonencode({ id = aws_kms_key.a.arn })', UNKNOWN],
  ['true ? "yes" : "no"', 'yes'],
  ['var.secret == "" ? "same" : "same"', 'same'],
  ['!false', true],
  ['concat(["a"], ["b"])', ['a', 'b']],
  ['merge({ a = 1 }, { b = 2 })', { a: 1, b: 2 }],
  ['upper("kms")', 'KMS'],
  ['local.loop_a', UNKNOWN],
  ['aws_s3_bucket.logs[0].id', UNKNOWN],
  ['[for p in var.ports : p]', UNKNOWN],
  ['"a%{if true}b%{endif}"', UNKNOWN],
  ['<<EOT\n{"Region": "${var.region}"}\nEOT', '{"Region": "eu-west-1"}\n'],
  ['<<-EOT\n    a ${var.region}\n      b\n    EOT', 'a eu-west-1\n  b\n'],
  ['<<EOT\n$${literal}\nEOT', '${literal}\n'],
];

describe('evaluate', () => {
  it.each(CASES)('%s', (source, expected) => {
    const file = parseHcl('m/main.tf', `${DEFINITIONS}\nlocals {\n  probe = ${source}\n}\n`);
    const [module] = buildModules([file]);
    const probe = file.body.blocks.at(-1)?.attributes.get('probe');
    expect(probe && evaluate(probe.expr, module.scope())).toEqual(expected);
  });
});

describe('instancesOf', () => {
  const cases: [string, number][] = [
    ['count = 0', 0],
    ['count = var.enabled ? 1 : 0', 0],
    ['count = 3', 1],
    ['for_each = toset([])', 0],
    ['for_each = { a = "x", b = "y" }', 2],
    ['for_each = var.unknown', 1],
  ];
  it.each(cases)('%s', (meta, expected) => {
    const source = `variable "enabled" {\n  default = false\n}\nresource "aws_s3_bucket" "b" {\n  ${meta}\n}\n`;
    const [module] = buildModules([parseHcl('m/main.tf', source)]);
    expect(instancesOf(module.resources[0])).toHaveLength(expected);
  });

  it('evaluates each.value per instance of a literal for_each', () => {
    const source = 'resource "x" "y" {\n  for_each = { a = "one" }\n  name = each.value\n}\n';
    const [module] = buildModules([parseHcl('m/main.tf', source)]);
    const [instance] = instancesOf(module.resources[0]);
    const name = module.resources[0].block.attributes.get('name');
    expect(name && evaluate(name.expr, module.scope(instance))).toBe('one');
  });
});

describe('buildModules', () => {
  it('groups files by folder and gives data sources their address', () => {
    const files = [
      parseHcl('a/main.tf', 'resource "aws_vpc" "main" {\n}\n'),
      parseHcl('a/iam.tf', 'data "aws_iam_policy_document" "p" {\n}\n'),
      parseHcl('b/main.tf', 'resource "aws_vpc" "other" {\n}\n'),
    ];
    const modules = buildModules(files);
    expect(modules.map((module) => [module.dir, module.resources.map((r) => r.address)])).toEqual([
      ['a', ['aws_vpc.main', 'data.aws_iam_policy_document.p']],
      ['b', ['aws_vpc.other']],
    ]);
  });
});
