import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../../src/core/logger.js';
import { loadRules } from '../../../../src/scanners/iac/terraform/rule-loader.js';
import { loadSamples, samplesDir } from '../../../../src/scanners/iac/terraform/rule-samples.js';
import { scanTerraform } from '../../../../src/scanners/iac/terraform/terraform-framework.js';

const rules = loadRules();

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const samples = loadSamples(rule);

  it('has a bad.tf with at least one marked line and a good.tf', () => {
    expect(existsSync(join(samplesDir(rule), 'bad.tf'))).toBe(true);
    expect(existsSync(join(samplesDir(rule), 'good.tf'))).toBe(true);
    expect(samples.bad.expectedLines.length).toBeGreaterThan(0);
  });

  it('flags exactly the marked lines of bad.tf', () => {
    const findings = scanTerraform({ files: [samples.bad], logger: silentLogger }, [rule]);
    const got = findings.map((finding) => [
      finding.ruleId,
      finding.location.path,
      finding.location.startLine,
    ]);
    const want = samples.bad.expectedLines.map((line) => [
      `iac/terraform/${id}`,
      samples.bad.path,
      line,
    ]);
    expect(got).toEqual(want);
  });

  it('finds nothing in good.tf', () => {
    const findings = scanTerraform({ files: [samples.good], logger: silentLogger }, [rule]);
    expect(findings.map((finding) => finding.location.startLine)).toEqual([]);
  });
});
