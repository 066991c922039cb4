import { covers, IGNORE_MARKER, parseSuppression } from '../../../core/inline-suppression.js';
import { editDistance } from '../../../core/nearest-id.js';

const COMMENT_ONLY = /^\s*(?:#|\/\/|\/\*)\s*bulwark-ignore/;

const PREFIX = 'iac/terraform/';

/**
 * Whether a finding inside a resource is suppressed by a `bulwark-ignore <rule>[: <reason>]`
 * comment on the resource's header line, or standing alone on the line above it. The syntax
 * and its leniency are the pipeline's (src/core/inline-suppression.ts): a reason is asked for
 * but, as on a finding's own line, a comment without one still suppresses.
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
    return suppression !== undefined && covers(suppression, ruleId);
  });
}

/** A suppression comment naming a Terraform rule that does not exist. */
export interface UnknownSuppression {
  line: number;
  ruleId: string;
  /** The closest existing check id, when one is close enough to be the intended one. */
  suggestion?: string;
}

/** The `bulwark-ignore iac/terraform/<id>` comments of a file whose id is not a check. */
export function unknownSuppressions(text: string, ids: ReadonlySet<string>): UnknownSuppression[] {
  if (!text.includes(IGNORE_MARKER)) return [];
  const out: UnknownSuppression[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const ruleId = parseSuppression(line)?.ruleId;
    if (!ruleId?.startsWith(PREFIX) || ruleId.endsWith('/*')) continue;
    const id = ruleId.slice(PREFIX.length);
    if (ids.has(id)) continue;
    out.push({ line: index + 1, ruleId, suggestion: closest(id, ids) });
  }
  return out;
}

/** The id at the smallest edit distance, when it is at most a third of the id's length. */
function closest(id: string, ids: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
