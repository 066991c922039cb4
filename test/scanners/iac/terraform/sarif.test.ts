import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../../src/core/logger.js';
import { renderSarif } from '../../../../src/report/sarif.js';
import { terraformFramework } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const TEXT = `resource "aws_db_instance" "main" {
  engine                  = "postgres"
  storage_encrypted       = false
  publicly_accessible     = true
  backup_retention_period = 14
  deletion_protection     = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}
`;

interface SarifResult {
  ruleId: string;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
  }[];
}

describe('Terraform findings in SARIF', () => {
  it('keep the line and column of the offending attribute', () => {
    const findings = terraformFramework.scan({
      files: [{ path: 'infra/db.tf', text: TEXT }],
      logger: silentLogger,
    });
    const sarif = JSON.parse(
      renderSarif(
        {
          findings,
          suppressed: { inline: 0, baseline: 0, outsideChange: 0 },
          staleBaselineEntries: 0,
          problems: [],
          filesScanned: 1,
          timings: [],
          failOn: 'high',
          failing: findings.length,
        },
        { version: '0.0.0', root: '/repo' },
      ),
    ) as {
      runs: {
        results: SarifResult[];
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
      }[];
    };
    const [run] = sarif.runs;

    const located = run.results.map((result) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      return [result.ruleId, artifactLocation.uri, region.startLine, region.startColumn];
    });
    expect(located).toEqual([
      ['iac/terraform/aws-rds-encryption', 'infra/db.tf', 3, 3],
      ['iac/terraform/aws-rds-public', 'infra/db.tf', 4, 3],
    ]);
    const help = run.tool.driver.rules.find((rule) => rule.id === 'iac/terraform/aws-rds-public')
      ?.help.text;
    expect(help).toContain('publicly_accessible = false');
  });
});
