import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../src/core/logger.js';
import { IAC_RULES_DIR, loadChecks } from '../../../src/scanners/iac/check-loader.js';
import type { FrameworkId } from '../../../src/scanners/iac/framework.js';
import { FRAMEWORKS } from '../../../src/scanners/iac/frameworks.js';
import { readSamples } from '../../../src/scanners/iac/check-samples.js';

const OWN: FrameworkId[] = ['kubernetes', 'dockerfile', 'github-actions', 'gitlab-ci'];

/** Every check runs on its positive and negative samples with exact rule ids and lines. */
describe.each(OWN)('%s checks on their samples', (id) => {
  const framework = FRAMEWORKS.find((candidate) => candidate.id === id);
  const checks = loadChecks(id);

  it('is registered', () => {
    expect(framework?.id).toBe(id);
  });

  it.each(checks.map((check) => [check.id]))('%s', (checkId) => {
    const dir = join(IAC_RULES_DIR, id, 'samples', checkId);
    const bad = readSamples(dir, 'bad');
    const good = readSamples(dir, 'good');
    expect(bad?.expected.length, 'bad sample with an expect header').toBeGreaterThan(0);
    expect(good?.reason, 'good sample with a reason header').toBeTruthy();
    if (!framework || !bad || !good) return;

    const ruleId = `iac/${id}/${checkId}`;
    const lines = (files: typeof bad.files): string[] =>
      framework
        .scan({ files, logger: silentLogger })
        .filter((finding) => finding.ruleId === ruleId)
        .map((finding) => `${finding.location.path}:${finding.location.startLine}`)
        .sort();

    expect(lines(bad.files)).toEqual([...bad.expected].sort());
    expect(lines(good.files)).toEqual([]);

    const messages = framework
      .scan({ files: bad.files, logger: silentLogger })
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => finding.message);
    expect(messages.filter((message) => /\{[a-zA-Z]+\}/.test(message))).toEqual([]);
  });
});
