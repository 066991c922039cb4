import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/core/config-load.js';
import { silentLogger } from '../../src/core/logger.js';
import { FRAMEWORKS } from '../../src/scanners/iac/frameworks.js';
import { OPTIONAL_TEMPLATES, templateFiles } from '../../src/templates/catalog.js';

const files = templateFiles(OPTIONAL_TEMPLATES).map((file) => ({
  path: file.path,
  text: readFileSync(file.source, 'utf8'),
}));

describe('templates', () => {
  const expected: [string, string[]][] = [
    [
      'kubernetes',
      [
        'deploy/kubernetes/deployment.yaml',
        'deploy/kubernetes/network-policy.yaml',
        'deploy/kubernetes/service.yaml',
      ],
    ],
    ['dockerfile', ['Dockerfile']],
    ['github-actions', ['.github/workflows/bulwark.yml']],
    ['gitlab-ci', ['.gitlab-ci.yml']],
    [
      'terraform',
      [
        'infra/terraform/kms.tf',
        'infra/terraform/outputs.tf',
        'infra/terraform/rds.tf',
        'infra/terraform/s3.tf',
        'infra/terraform/variables.tf',
        'infra/terraform/versions.tf',
      ],
    ],
  ];

  it.each(expected)('give the %s framework its files and get no finding', (id, paths) => {
    const framework = FRAMEWORKS.find((candidate) => candidate.id === id);
    expect(framework).toBeDefined();
    const mine = files.filter((file) => framework?.wants(file.path, file.text));
    expect(mine.map((file) => file.path).filter((path) => paths.includes(path))).toEqual(paths);
    const findings = framework?.scan({ files: mine, logger: silentLogger }) ?? [];
    expect(
      findings.map(
        (finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.startLine}`,
      ),
    ).toEqual([]);
  });

  it('write a bulwark.yaml that the configuration loader accepts', () => {
    const [config] = templateFiles([]).filter((file) => file.path === 'bulwark.yaml');
    const parsed = parseConfig(readFileSync(config.source, 'utf8'), config.source);
    expect([parsed.version, parsed.failOn, parsed.tiers.commit?.tags]).toEqual([
      1,
      'high',
      ['fast'],
    ]);
  });

  it('pin every GitHub action to a full commit SHA and keep the token read-only', () => {
    const workflow =
      files.find((file) => file.path === '.github/workflows/bulwark.yml')?.text ?? '';
    const uses = [...workflow.matchAll(/uses:\s*(\S+)/g)].map((match) => match[1]);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((use) => /@[0-9a-f]{40}$/.test(use))).toBe(true);
    expect(workflow).toMatch(/^permissions:\n {2}contents: read\n/m);
  });

  it('pin every image by digest', () => {
    const images = files
      .filter((file) => /Dockerfile|\.gitlab-ci\.yml|deployment\.yaml/.test(file.path))
      .flatMap((file) => [...file.text.matchAll(/^(?:FROM|\s*image:)\s+(\S+)/gm)].map((m) => m[1]));
    expect(images).toHaveLength(4);
    expect(images.every((image) => /@sha256:[0-9a-f]{64}$/.test(image))).toBe(true);
  });
});
