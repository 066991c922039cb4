import pc from 'picocolors';

import type { Finding } from '../core/finding.js';
import type { ScanResult } from '../core/pipeline.js';
import type { InputProblem } from '../core/scanner.js';
import { printable } from '../core/printable.js';
import type { Severity } from '../core/severity.js';

/** Options for the text report. */
export interface TextOptions {
  color: boolean;
}

/** Render a scan for a terminal: findings grouped by file, each with a short code frame. */
export function renderText(result: ScanResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = finding.location.path;
    byPath.set(key, [...(byPath.get(key) ?? []), finding]);
  }

  for (const [path, findings] of byPath) {
    out.push(c.bold(c.underline(printable(path))));
    for (const finding of findings) out.push(...renderFinding(finding, c), '');
  }

  out.push(summaryLine(result, c));
  return `${out.join('\n')}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

function renderFinding(finding: Finding, c: Colors): string[] {
  const { startLine, startColumn, commit, commitDate } = finding.location;
  const where = `${startLine}:${startColumn}`;
  const lines = [
    `  ${c.dim(`${where.padEnd(7)} `)}${paintSeverity(finding.severity, c)}  ${printable(finding.message)}  ${c.dim(printable(finding.ruleId))}`,
  ];
  if (commit) {
    const date = commitDate ? ` on ${commitDate.slice(0, 10)}` : '';
    lines.push(`  ${' '.repeat(8)}${c.dim(`introduced in commit ${commit.slice(0, 12)}${date}`)}`);
  }
  const snippet = finding.snippet;
  if (snippet) {
    const width = String(snippet.startLine + snippet.lines.length - 1).length;
    snippet.lines.forEach((text, i) => {
      const n = snippet.startLine + i;
      const marker = n === startLine ? '>' : ' ';
      lines.push(
        `  ${' '.repeat(6)}${c.dim(`${marker} ${String(n).padStart(width)} |`)} ${printable(text)}`,
      );
    });
  }
  const flow = flowLine(finding);
  if (flow) lines.push(`  ${' '.repeat(8)}${c.dim('flow:')} ${flow}`);
  if (finding.fix) {
    // Multi-line fixes carry a corrected snippet: keep it indented under the finding.
    const [first, ...rest] = finding.fix.text.trimEnd().split('\n').map(printable);
    lines.push(`  ${' '.repeat(8)}${c.green('fix:')} ${first}`);
    for (const line of rest) lines.push(line.trim() === '' ? '' : `  ${' '.repeat(12)}${line}`);
  }
  return lines;
}

/** Steps kept at each end of a long data flow in the text report. */
const FLOW_ENDS = 2;

/**
 * A taint finding's data flow on one line, source first: `12 user input: req.query → 13
 * assigned to cmd → 14 reaches exec(cmd)`; a long flow keeps its two first and two last steps.
 */
function flowLine(finding: Finding): string | undefined {
  const steps = finding.flow;
  if (!steps || steps.length < 2) return undefined;
  const shown = steps.map((step) => `${step.location.startLine} ${printable(step.message)}`);
  const kept =
    shown.length > FLOW_ENDS * 2 + 1
      ? [
          ...shown.slice(0, FLOW_ENDS),
          `${shown.length - FLOW_ENDS * 2} more steps`,
          ...shown.slice(-FLOW_ENDS),
        ]
      : shown;
  return kept.join(' → ');
}

function paintSeverity(severity: Severity, c: Colors): string {
  const label = severity.padEnd(8);
  if (severity === 'critical' || severity === 'high') return c.red(label);
  if (severity === 'medium') return c.yellow(label);
  return c.blue(label);
}

/** How a problem is introduced: input that was not read, or a rule or rules folder not used. */
const PROBLEM_LABEL: Record<NonNullable<InputProblem['kind']> | 'input', string> = {
  input: 'not scanned:',
  rule: 'rule not loaded:',
  'rules-folder': 'rules folder not found:',
};

function summaryLine(result: ScanResult, c: Colors): string {
  const { inline, baseline, outsideChange } = result.suppressed;
  const hidden: string[] = [];
  if (inline) hidden.push(`${inline} suppressed inline`);
  if (baseline) hidden.push(`${baseline} in baseline`);
  if (outsideChange) hidden.push(`${outsideChange} on unchanged lines`);
  const timings = result.timings.map((t) => `${t.scanner} ${t.ms} ms`).join(', ');
  const count = result.findings.length;
  const head =
    count === 0
      ? c.green(`no findings in ${plural(result.filesScanned, 'file')}`)
      : `${plural(count, 'finding')} in ${plural(result.filesScanned, 'file')}, ${result.failing} at or above ${result.failOn}`;
  const lines = [head + (hidden.length ? ` (${hidden.join(', ')})` : '')];
  for (const problem of result.problems) {
    const at = [problem.path, problem.line, problem.line === undefined ? undefined : problem.column]
      .filter((part) => part !== undefined)
      .join(':');
    lines.push(
      c.red(printable(`${PROBLEM_LABEL[problem.kind ?? 'input']} ${at}: ${problem.message}`)),
    );
  }
  if (result.staleBaselineEntries) {
    lines.push(
      `${plural(result.staleBaselineEntries, 'baseline entry no longer matches', 'baseline entries no longer match')}; run \`bulwark baseline\` to refresh`,
    );
  }
  if (timings) lines.push(c.dim(`time: ${timings}`));
  return lines.join('\n');
}

/** `1 file`, `2 files`. */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
