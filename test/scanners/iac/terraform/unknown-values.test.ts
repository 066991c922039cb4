import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../../src/core/logger.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import type { Condition, Rule } from '../../../../src/scanners/iac/terraform/rule-schema.js';
import { scanTerraform } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules();
const only = (...ids: string[]) => rules.filter((rule) => ids.includes(rule.id));

function scan(text: string, ids: string[]) {
  const findings = scanTerraform(
    { files: [{ path: 'sg/main.tf', text }], logger: silentLogger },
    only(...ids),
  );
  return findings.map((finding) => [finding.ruleId, finding.location.startLine]);
}

const SG_IDS = ['aws-sg-ssh-open', 'aws-sg-rdp-open', 'aws-sg-db-open'];

/** The three resources that carry security group rules, with the port written as `port`. */
function openRules(port: string): string[] {
  return [
    `resource "aws_security_group" "a" {\n  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
    `resource "aws_security_group_rule" "a" {\n  type        = "ingress"\n  from_port   = ${port}\n  to_port     = ${port}\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`,
    `resource "aws_vpc_security_group_ingress_rule" "a" {\n  from_port   = ${port}\n  to_port     = ${port}\n  ip_protocol = "tcp"\n  cidr_ipv4   = "0.0.0.0/0"\n}\n`,
  ];
}

describe('unknown values never reach a conversion', () => {
  const ports: [string, string, string][] = [
    ['a variable without default', 'variable "listener_port" {}\n', 'var.listener_port'],
    ['another resource attribute', '', 'aws_lb_listener.web.port'],
    ['a function Bulwark does not evaluate', '', 'max(22, var.x)'],
    ['a list instead of a number', '', '[22]'],
  ];
  const cases = ports.flatMap(([name, prelude, port]) =>
    openRules(port).map((resource, index) => [`${name} (${index})`, prelude + resource] as const),
  );
  it.each(cases)('a port from %s stays silent', (_, text) => {
    expect(scan(text, SG_IDS)).toEqual([]);
  });

  const cycles: [string, string][] = [
    ['a variable whose default refers to itself', 'variable "p" {\n  default = var.p\n}\n'],
    ['two locals that refer to each other', 'locals {\n  p = local.q\n  q = local.p\n}\n'],
  ];
  it.each(cycles)('a port from %s is unknown, not a crash', (_, prelude) => {
    const port = prelude.startsWith('variable') ? 'var.p' : 'local.p';
    expect(scan(prelude + openRules(port)[1], SG_IDS)).toEqual([]);
  });

  it('a dynamic ingress whose ports come from the iterator stays silent', () => {
    const text =
      'resource "aws_security_group" "web" {\n  dynamic "ingress" {\n    for_each = [22, 443]\n' +
      '    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n' +
      '      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n';
    expect(scan(text, SG_IDS)).toEqual([]);
  });

  it('runs every check on resources whose every attribute is an unknown reference', () => {
    const reported = rules.flatMap((rule) => {
      const text = rule.resources.map((kind, i) => unknownResource(rule, kind, i)).join('\n');
      const files = [{ path: 'all/main.tf', text }];
      return scanTerraform({ files, logger: silentLogger }, [rule]).map((f) => f.ruleId);
    });
    expect(rules.length).toBe(72);
    expect(reported).toEqual(EXPECTED_WITH_UNKNOWNS);
  });
});

/**
 * Checks that still report when every attribute is unknown, and rightly so: the first three
 * need a separate resource (a companion) that the generated file does not have, and
 * gcp-compute-public-ip reports that `access_config` is present at all, whatever its value
 * (once for google_compute_instance, once for the template).
 */
const EXPECTED_WITH_UNKNOWNS = [
  'iac/terraform/aws-s3-public-access-block',
  'iac/terraform/aws-vpc-flow-logs',
  'iac/terraform/azure-sql-auditing',
  'iac/terraform/gcp-compute-public-ip',
  'iac/terraform/gcp-compute-public-ip',
];

/** A resource of `kind` where every path the rule reads holds `var.unknown`. */
function unknownResource(rule: Rule, kind: string, index: number): string {
  const tree: Tree = new Map();
  for (const path of pathsOf(rule.check).concat(rule.when ? pathsOf(rule.when) : [])) {
    let node = tree;
    const segments = path.split('.');
    for (const segment of segments.slice(0, -1)) {
      const next = node.get(segment);
      if (next instanceof Map) node = next;
      else node.set(segment, (node = new Map()));
    }
    const last = segments[segments.length - 1];
    if (!node.has(last)) node.set(last, 'var.unknown');
  }
  const [head, ...rest] = kind.split('.');
  const header = head === 'data' ? `data "${rest[0]}"` : `resource "${kind}"`;
  return `${header} "u${index}_${rule.id.replaceAll('-', '_')}" {\n${render(tree, '  ')}}\n`;
}

type Tree = Map<string, Tree | string>;

function render(tree: Tree, indent: string): string {
  return [...tree.entries()]
    .map(([name, value]) =>
      typeof value === 'string'
        ? `${indent}${name} = ${value}\n`
        : `${indent}${name} {\n${render(value, `${indent}  `)}${indent}}\n`,
    )
    .join('');
}

/** Every attribute path a condition reads, with nested block paths prefixed. */
function pathsOf(condition: Condition, prefix = ''): string[] {
  if ('allOf' in condition) return condition.allOf.flatMap((c) => pathsOf(c, prefix));
  if ('anyOf' in condition) return condition.anyOf.flatMap((c) => pathsOf(c, prefix));
  if ('not' in condition) return pathsOf(condition.not, prefix);
  if ('each' in condition)
    return pathsOf(condition.each.check, `${prefix}${condition.each.block}.`);
  if ('some' in condition)
    return pathsOf(condition.some.check, `${prefix}${condition.some.block}.`);
  if ('companion' in condition) return [];
  if ('ports' in condition) {
    const { from, to, ranges, all } = condition.ports;
    return [from, to, ...(ranges ?? []), ...(all?.paths ?? [])]
      .filter((path): path is string => path !== undefined)
      .map((path) => prefix + path);
  }
  return [prefix + condition.path];
}
