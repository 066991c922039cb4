import { describeProblem, type YamlProblem } from './check-yaml.js';
import type { FrameworkId, FrameworkInput } from './framework.js';

/**
 * Report a file a framework wants but cannot read: one warning line in the shared
 * `path:line:column: message` format, and an input problem (the run then exits 2 and lists it).
 * `action` tells the user what to do about it.
 */
export function reportUnreadable(
  input: Pick<FrameworkInput, 'logger' | 'reportProblem'>,
  framework: FrameworkId,
  path: string,
  problem: YamlProblem,
  action: string,
): void {
  const message = `${framework}: ${problem.message}; ${action}`;
  input.logger.warn(describeProblem(path, { ...problem, message }));
  const column = problem.column === undefined ? '' : ` (column ${problem.column})`;
  input.reportProblem?.({ path, line: problem.line, message: `${message}${column}` });
}

/** What to do about YAML that does not parse. */
export const FIX_YAML = 'fix the YAML and scan again (the file was not checked)';
