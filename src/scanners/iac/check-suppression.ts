/**
 * Resource-level inline suppressions for infrastructure files.
 *
 * The comment syntax is the pipeline's (`# bulwark-ignore <rule-id>: <reason>`, a rule id of
 * `iac/kubernetes/*` covering a framework, no rule id covering every rule). The pipeline
 * honours it on a finding's own line and on a comment line just above; this helper adds the
 * resource's own lines (a manifest's `kind:` or `metadata.name`, a workflow job's key, a
 * Terraform block's header), so that one comment silences a rule for a whole resource.
 */

const MARKER = /bulwark-ignore(?![\w-])(?:\s+([\w./*-]+))?/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|\/\*)\s*bulwark-ignore/;

/** A suppression comment: the rule it names (undefined for all) and whether it stands alone. */
interface Marker {
  ruleId?: string;
  alone: boolean;
}

/** Suppression comments of a file, keyed by 1-based line. */
export type SuppressionIndex = ReadonlyMap<number, Marker>;

/** Read every `bulwark-ignore` comment of a file, keyed by 1-based line. */
export function indexSuppressions(text: string): SuppressionIndex {
  const index = new Map<number, Marker>();
  if (!text.includes('bulwark-ignore')) return index;

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const found = MARKER.exec(lines[i]);
    if (found) index.set(i + 1, { ruleId: found[1], alone: COMMENT_ONLY.test(lines[i]) });
  }
  return index;
}

function covers(marker: Marker | undefined, ruleId: string): boolean {
  if (!marker) return false;
  if (!marker.ruleId) return true;
  if (marker.ruleId.endsWith('/*')) return ruleId.startsWith(marker.ruleId.slice(0, -1));
  return marker.ruleId === ruleId;
}

/**
 * True when `ruleId` is silenced on any of `lines` (1-based), or by a comment standing alone on
 * the line just above one of them. Pass the finding's line together with the resource's lines.
 */
export function isSuppressed(
  index: SuppressionIndex,
  ruleId: string,
  lines: readonly number[],
): boolean {
  if (index.size === 0) return false;
  return lines.some((line) => {
    const above = index.get(line - 1);
    return covers(index.get(line), ruleId) || (above?.alone === true && covers(above, ruleId));
  });
}
