import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../src/core/logger.js';
import { FRAMEWORKS } from '../../../src/scanners/iac/frameworks.js';
import { repoRoot } from '../../helpers/shared.js';
import { walk } from '../../helpers/walk.js';

const TEMPLATES = join(repoRoot, 'src', 'templates');

const files = walk(TEMPLATES).map((abs) => ({
  path: relative(TEMPLATES, abs),
  text: readFileSync(abs, 'utf8'),
}));

/** `bulwark init` writes these templates as the secure starting point, so they must pass. */
describe.each(['kubernetes', 'dockerfile', 'github-actions', 'gitlab-ci'])(
  'the %s templates of bulwark init',
  (id) => {
    const framework = FRAMEWORKS.find((candidate) => candidate.id === id);

    it('are read and pass every check', () => {
      const wanted = files.filter((file) => framework?.wants(file.path, file.text));
      expect(wanted.length).toBeGreaterThan(0);
      const findings = framework?.scan({ files: wanted, logger: silentLogger }) ?? [];
      expect(findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`)).toEqual(
        [],
      );
    });
  },
);
