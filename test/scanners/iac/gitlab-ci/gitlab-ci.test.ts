import { describe, expect, it } from 'vitest';

import { gitlabCiFramework } from '../../../../src/scanners/iac/gitlab-ci/index.js';
import { scanWith } from '../scan-helpers.js';

const DEBUG_JOB = 'job:\n  variables:\n    CI_DEBUG_TRACE: "true"\n  script:\n    - make\n';

describe('GitLab CI', () => {
  it.each([
    ['.gitlab-ci.yml', undefined, true],
    ['build.gitlab-ci.yml', undefined, true],
    ['.gitlab/ci/test.yml', undefined, true],
    ['ci/jobs.yml', 'job:\n  script:\n    - make\n', true],
    ['deploy/pod.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  script:\n', false],
    ['.github/workflows/ci.yml', undefined, false],
    ['values.yaml', 'replicas: 2\n', false],
  ])('wants %s: %s', (path, text, expected) => {
    expect(gitlabCiFramework.wants(path, text)).toBe(expected);
  });

  it('follows local includes (plain, local: and globs) and ignores files nobody includes', () => {
    const findings = scanWith(gitlabCiFramework, {
      '.gitlab-ci.yml':
        "include:\n  - local: /ci/build.yml\n  - 'ci/jobs/*.yml'\n  - remote: https://example.com/x.yml\n",
      'ci/build.yml': DEBUG_JOB,
      'ci/jobs/test.yml': DEBUG_JOB,
      'ci/jobs/deep/other.yml': DEBUG_JOB,
      'tools/unrelated.yml': DEBUG_JOB,
    });
    expect(findings.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual([
      'ci/build.yml:3',
      'ci/jobs/test.yml:3',
    ]);
  });

  it('reports a line shared through a YAML anchor once', () => {
    const text = [
      '.defaults: &defaults',
      '  image: python:latest',
      'test:',
      '  <<: *defaults',
      '  script:',
      '    - pytest',
    ].join('\n');
    const findings = scanWith(gitlabCiFramework, { '.gitlab-ci.yml': text });
    expect(findings.map((f) => `${f.location.startLine} ${f.properties?.resource}`)).toEqual([
      '2 job .defaults',
    ]);
  });
});
