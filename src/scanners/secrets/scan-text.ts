import { createHash } from 'node:crypto';

import type { Finding } from '../../core/finding.js';
import { detectSecrets } from './detect.js';
import { redactedEvidence } from './evidence.js';
import { LineIndex } from './line-index.js';
import type { RuntimeRule } from './rule-schema.js';
import { compileRuleSet, type CompiledRule, type RuleSet, type RuleSetOptions } from './ruleset.js';
import { toFinding } from './to-finding.js';

const ruleSets = new Map<string, { ruleSet: RuleSet; byId: Map<string, CompiledRule> }>();

/** This thread's compiled rules for a scan, compiled on first use and kept by the scan's key. */
export function ruleSetFor(task: { key: string; rulesJson: string; options: RuleSetOptions }): {
  ruleSet: RuleSet;
  byId: Map<string, CompiledRule>;
} {
  let entry = ruleSets.get(task.key);
  if (!entry) {
    const rules = JSON.parse(task.rulesJson) as RuntimeRule[];
    const ruleSet = compileRuleSet(rules, task.options);
    entry = { ruleSet, byId: new Map(ruleSet.rules.map((r) => [r.rule.id, r])) };
    // Keep the few most recent scans' rule sets; a long-lived process runs many scans.
    if (ruleSets.size >= 4) ruleSets.clear();
    ruleSets.set(task.key, entry);
  }
  return entry;
}

/** Scan one text and build its findings; `lineRuns` maps history text lines to file lines. */
export function scanText(
  text: string,
  path: string,
  lineRuns: readonly number[] | undefined,
  ruleSet: RuleSet,
  byId: Map<string, CompiledRule>,
): { findings: Finding[]; keys: string[] } {
  const matches = detectSecrets(text, ruleSet);
  if (matches.length === 0) return { findings: [], keys: [] };

  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const keys: string[] = [];
  for (const match of matches) {
    const compiled = byId.get(match.ruleId);
    if (!compiled) continue;
    if (lineRuns) {
      match.line = fileLine(lineRuns, match.line);
      match.endLine = fileLine(lineRuns, match.endLine);
    }
    const evidence = redactedEvidence(text, lines, match, matches);
    findings.push(toFinding(compiled, match, path, evidence));
    keys.push(
      createHash('sha256').update(match.ruleId).update('\0').update(match.secret).digest('hex'),
    );
  }
  return { findings, keys };
}

/** The file's line number for 1-based line `line` of an item's text. */
function fileLine(runs: readonly number[], line: number): number {
  let at = 0;
  while (at + 2 < runs.length && runs[at + 2] <= line - 1) at += 2;
  return runs[at + 1] + (line - 1 - runs[at]);
}
