import { describe, expect, it } from 'vitest';

import type { InputProblem } from '../../../../src/core/scanner.js';
import { gitlabCiFramework } from '../../../../src/scanners/iac/gitlab-ci/index.js';
import { scanWith } from '../scan-helpers.js';

describe('GitLab CI includes and messages', () => {
  it('reports a local include naming no file as an input problem', () => {
    const problems: InputProblem[] = [];
    scanWith(
      gitlabCiFramework,
      { '.gitlab-ci.yml': 'include:\n  - local: /ci/missing.yml\n  - local: /ci/*.yml\n' },
      undefined,
      problems,
    );
    expect(problems).toEqual([
      {
        path: '.gitlab-ci.yml',
        line: 2,
        message:
          'gitlab-ci: include names ci/missing.yml, which does not exist; fix the path (relative to the repository root) or remove the include (column 5)',
      },
    ]);
  });

  it.each([
    ['test:\n  image: alpine\n  script: [make]\n', 'Image alpine of job test has no fixed tag.'],
    [
      'image: alpine:latest\ntest:\n  script: [make]\n',
      'Image alpine:latest of the pipeline has no fixed tag.',
    ],
  ])('names the job of an unpinned image', (text, message) => {
    const findings = scanWith(gitlabCiFramework, { '.gitlab-ci.yml': text });
    expect(
      findings.filter((f) => f.ruleId.endsWith('/image-not-pinned')).map((f) => f.message),
    ).toEqual([message]);
  });

  it('reports malformed YAML as an input problem', () => {
    const problems: InputProblem[] = [];
    scanWith(
      gitlabCiFramework,
      { '.gitlab-ci.yml': 'test:\n  script: [make\n' },
      undefined,
      problems,
    );
    expect(problems.map((p) => `${p.path}:${p.line}`)).toEqual(['.gitlab-ci.yml:3']);
  });
});
