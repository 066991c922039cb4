import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../../src/core/logger.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import { scanTerraform } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules();
const ADMIN = ['aws-sg-ssh-open', 'aws-sg-rdp-open', 'aws-sg-db-open', 'aws-sg-all-ports-open'];

function scan(text: string, ids = ADMIN) {
  const files = [{ path: 'sg/main.tf', text }];
  const chosen = rules.filter((rule) => ids.includes(rule.id));
  return scanTerraform({ files, logger: silentLogger }, chosen).map((finding) => [
    finding.ruleId,
    finding.location.startLine,
    finding.message,
  ]);
}

function rule(from: number, to: number, protocol: string): string {
  return (
    `resource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = ${from}\n` +
    `  to_port     = ${to}\n  protocol    = "${protocol}"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`
  );
}

describe('security group ports, per protocol', () => {
  const cases: [string, string, string[][]][] = [
    ['SSH is TCP: UDP 22 is not SSH', rule(22, 22, 'udp'), []],
    [
      'TCP 22 is SSH',
      rule(22, 22, 'tcp'),
      [
        [
          'iac/terraform/aws-sg-ssh-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach SSH (port 22)',
        ],
      ],
    ],
    [
      'protocol 6 is TCP',
      rule(22, 22, '6'),
      [
        [
          'iac/terraform/aws-sg-ssh-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach SSH (port 22)',
        ],
      ],
    ],
    [
      'RDP listens on UDP too',
      rule(3389, 3389, 'udp'),
      [
        [
          'iac/terraform/aws-sg-rdp-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach RDP (port 3389)',
        ],
      ],
    ],
    ['ICMP opens no port', rule(-1, -1, 'icmp'), []],
    ['UDP 5432 is not PostgreSQL', rule(5432, 5432, 'udp'), []],
    [
      'every protocol gives one finding that names the admin ports',
      rule(0, 0, '-1'),
      [
        [
          'iac/terraform/aws-sg-all-ports-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach every port, among them the ' +
            'admin ports 22, 3389, 1433, 1521, 3306, 5432, 5984, 6379, 9200, 11211, 27017',
        ],
      ],
    ],
    [
      'every UDP port names only the admin ports on UDP',
      rule(0, 65535, 'udp'),
      [
        [
          'iac/terraform/aws-sg-all-ports-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach every port, among them the ' +
            'admin ports 3389, 11211',
        ],
      ],
    ],
    [
      'a wide range that is not every port still names each admin port it holds',
      rule(1000, 6000, 'tcp'),
      [
        [
          'iac/terraform/aws-sg-db-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach a database port',
        ],
        [
          'iac/terraform/aws-sg-rdp-open',
          '6',
          'aws_security_group_rule.r lets the whole internet reach RDP (port 3389)',
        ],
      ],
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(scan(text).map((row) => row.map(String))).toEqual(expected);
  });
});

describe('the protocol counts on Google Cloud and Azure too', () => {
  const gcp = (protocol: string) =>
    'resource "google_compute_firewall" "f" {\n  name          = "f"\n  network       = "default"\n' +
    `  source_ranges = ["0.0.0.0/0"]\n\n  allow {\n    protocol = "${protocol}"\n  }\n}\n`;
  const azure = (protocol: string) =>
    'resource "azurerm_network_security_rule" "r" {\n  direction                  = "Inbound"\n' +
    `  access                     = "Allow"\n  protocol                   = "${protocol}"\n` +
    '  destination_port_range     = "22"\n  source_address_prefix      = "*"\n}\n';
  const cases: [string, string, string, (string | number)[][]][] = [
    [
      'GCP: every TCP port includes SSH',
      gcp('tcp'),
      'gcp-firewall-admin-open',
      [['iac/terraform/gcp-firewall-admin-open', 4]],
    ],
    ['GCP: ICMP opens no port', gcp('icmp'), 'gcp-firewall-admin-open', []],
    [
      'Azure: TCP 22 is SSH',
      azure('Tcp'),
      'azure-nsg-admin-open',
      [['iac/terraform/azure-nsg-admin-open', 6]],
    ],
    [
      'Azure: any protocol includes TCP',
      azure('*'),
      'azure-nsg-admin-open',
      [['iac/terraform/azure-nsg-admin-open', 6]],
    ],
    ['Azure: UDP 22 is not SSH', azure('Udp'), 'azure-nsg-admin-open', []],
  ];
  it.each(cases)('%s', (_, text, id, expected) => {
    expect(scan(text, [id]).map((row) => row.slice(0, 2))).toEqual(expected);
  });
});
