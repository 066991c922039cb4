import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { RULES_DIR } from './rule-loader.js';
import type { Rule } from './rule-schema.js';

/**
 * One sample file of a check, with the lines where a finding must be: each line ending in
 * `# expect`, and each line named by a `# expect-line: N` comment (for lines inside heredocs,
 * which cannot carry a comment).
 */
export interface Sample {
  /** Path relative to rules/iac/terraform, as findings report it. */
  path: string;
  text: string;
  expectedLines: number[];
}

/** A check's samples: bad.tf must give a finding on each marked line, good.tf none. */
export interface RuleSamples {
  bad: Sample;
  good: Sample;
}

/** The folder holding a check's samples: rules/iac/terraform/<provider>/<check-id>/. */
export function samplesDir(rule: Rule, dir: string = RULES_DIR): string {
  return join(dir, rule.id.split('-')[0], rule.id);
}

/** Read a check's bad.tf and good.tf. */
export function loadSamples(rule: Rule, dir: string = RULES_DIR): RuleSamples {
  const folder = samplesDir(rule, dir);
  return {
    bad: readSample(join(folder, 'bad.tf'), dir),
    good: readSample(join(folder, 'good.tf'), dir),
  };
}

function readSample(file: string, dir: string): Sample {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const expectedLines = text
    .split('\n')
    .flatMap((line, index) => {
      if (/#\s*expect\s*$/.test(line)) return [index + 1];
      const at = /^\s*#\s*expect-line:\s*(\d+)\s*$/.exec(line);
      return at ? [Number(at[1])] : [];
    })
    .sort((a, b) => a - b);
  return { path: relative(dir, file).split('\\').join('/'), text, expectedLines };
}
