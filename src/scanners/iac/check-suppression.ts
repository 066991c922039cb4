/**
 * Resource-level inline suppressions for infrastructure files.
 *
 * The comment syntax is the pipeline's (`# bulwark-ignore <rule-id>: <reason>`, a rule id of
 * `iac/kubernetes/*` covering a framework, no rule id covering every rule). The pipeline
 * honours it on a finding's own line and on a comment line just above; this helper adds the
 * resource's own lines (a manifest's `kind:` or `metadata.name`, a workflow job's key, a
 * Terraform block's header), so that one comment silences a rule for a whole resource.
 */

import { nearest } from '../../core/nearest-id.js';

const MARKER = /bulwark-ignore(?![\w-])(?:\s+([\w./*-]+))?/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|\/\*)\s*bulwark-ignore/;

/** A suppression comment: the rule it names (undefined for all) and whether it stands alone. */
interface Marker {
  ruleId?: string;
  alone: boolean;
  /** 1-based column of the rule id (of the marker when it names none). */
  column: number;
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
    if (!found) continue;
    const column = found.index + (found[1] ? found[0].lastIndexOf(found[1]) : 0) + 1;
    index.set(i + 1, { ruleId: found[1], alone: COMMENT_ONLY.test(lines[i]), column });
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

/** A suppression comment naming a rule that does not exist, and the closest id that does. */
export interface UnknownSuppression {
  line: number;
  column: number;
  ruleId: string;
  suggestion?: string;
}

/**
 * Suppression comments of one file naming an `iac/<framework>/` rule that is not in `known`
 * (the framework's full rule ids), or an `iac/` framework that does not exist. Such a comment
 * silences nothing, usually because of a typo.
 */
export function unknownSuppressions(
  index: SuppressionIndex,
  framework: string,
  known: readonly string[],
  frameworks: readonly string[],
): UnknownSuppression[] {
  const out: UnknownSuppression[] = [];
  for (const [line, marker] of index) {
    const ruleId = marker.ruleId;
    if (!ruleId?.startsWith('iac/')) continue;
    const segment = ruleId.split('/')[1] ?? '';
    const ours = segment === framework;
    if (!ours && frameworks.includes(segment)) continue;
    if (ruleId.endsWith('/*') ? ours : known.includes(ruleId)) continue;
    const candidates = ruleId.endsWith('/*') ? frameworks.map((id) => `iac/${id}/*`) : known;
    out.push({ line, column: marker.column, ruleId, suggestion: nearest(ruleId, candidates) });
  }
  return out;
}
