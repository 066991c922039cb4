/** `# bulwark-ignore <rule ids>: <reason>` (or `//`), as the core pipeline reads it. */
const IGNORE = /(?:#|\/\/)\s*bulwark-ignore\s+([^:]+?)\s*:\s*(\S.*)$/;

/**
 * Whether a finding inside a resource is suppressed by a comment on the resource's header
 * line or the line above it. A suppression without a reason suppresses nothing.
 */
export function suppressedAtHeader(
  lines: readonly string[],
  headerLine: number,
  ruleId: string,
): boolean {
  for (const line of [headerLine, headerLine - 1]) {
    const match = IGNORE.exec(lines[line - 1] ?? '');
    if (!match) continue;
    const ids = match[1].split(/[\s,]+/).filter(Boolean);
    if (ids.includes(ruleId)) return true;
  }
  return false;
}
