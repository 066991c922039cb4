import { covers, parseSuppression } from '../../../core/inline-suppression.js';

const COMMENT_ONLY = /^\s*(?:#|\/\/|\/\*)\s*bulwark-ignore/;

/**
 * Whether a finding inside a resource is suppressed by a `bulwark-ignore <rule>: <reason>`
 * comment on the resource's header line, or standing alone on the line above it. The syntax
 * is the pipeline's (src/core/inline-suppression.ts); here a reason is required, so a bare
 * marker on a header silences nothing.
 */
export function suppressedAtHeader(
  lines: readonly string[],
  headerLine: number,
  ruleId: string,
): boolean {
  const own = lines[headerLine - 1];
  const above = lines[headerLine - 2];
  const candidates = [own, above !== undefined && COMMENT_ONLY.test(above) ? above : undefined];
  return candidates.some((text) => {
    const suppression = text === undefined ? undefined : parseSuppression(text);
    return suppression?.reason !== undefined && covers(suppression, ruleId);
  });
}
