// Precision and recall of each infrastructure framework's check pack on its own samples.
import type { Finding } from '../src/core/finding.js';
import { silentLogger } from '../src/core/logger.js';
import type { Framework, FrameworkFile } from '../src/scanners/iac/framework.js';

/** One check's samples: files where each `path:line` of `expected` must be reported, and clean files. */
export interface SampleCase {
  ruleId: string;
  bad: FrameworkFile[];
  expected: string[];
  good: FrameworkFile[];
}

/** Counts for one framework. */
export interface Accuracy {
  framework: string;
  checks: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function located(findings: Finding[], ruleId: string): string[] {
  return findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.location.path}:${finding.location.startLine}`);
}

/**
 * Run the framework on every sample. A finding of the check on a marked line of its bad
 * sample is a true positive; on any other line, or anywhere in its good sample, a false
 * positive; a marked line without one is a false negative. Other checks firing on a sample
 * are not counted: samples are free to break more than one rule.
 */
export function measureAccuracy(framework: Framework, cases: readonly SampleCase[]): Accuracy {
  const result: Accuracy = {
    framework: framework.id,
    checks: cases.length,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
  };
  for (const sample of cases) {
    const bad = located(framework.scan({ files: sample.bad, logger: silentLogger }), sample.ruleId);
    const good = located(
      framework.scan({ files: sample.good, logger: silentLogger }),
      sample.ruleId,
    );
    const expected = new Set(sample.expected);
    result.truePositives += bad.filter((at) => expected.has(at)).length;
    result.falsePositives += bad.filter((at) => !expected.has(at)).length + good.length;
    result.falseNegatives += [...expected].filter((at) => !bad.includes(at)).length;
  }
  return result;
}

/** Precision and recall as percentages with one decimal. */
export function rates(accuracy: Accuracy): { precision: string; recall: string } {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = accuracy;
  const percent = (num: number, den: number): string =>
    den === 0 ? 'n/a' : `${((100 * num) / den).toFixed(1)}%`;
  return { precision: percent(tp, tp + fp), recall: percent(tp, tp + fn) };
}
