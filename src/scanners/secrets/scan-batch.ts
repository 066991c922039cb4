import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Finding } from '../../core/finding.js';
import { detectSecrets } from './detect.js';
import { redactedEvidence } from './evidence.js';
import { LineIndex } from './line-index.js';
import type { RuntimeRule } from './rule-schema.js';
import { compileRuleSet, type CompiledRule, type RuleSet, type RuleSetOptions } from './ruleset.js';
import { toFinding } from './to-finding.js';

/** One text to scan: a file on disk (read by the worker) or text handed over. */
export interface SecretsScanItem {
  path: string;
  /** Read from here when `text` is absent. */
  absPath?: string;
  text?: string;
  /** History: the line number in the commit's file of each line of `text`. */
  lineMap?: number[];
}

/** A batch of texts for one worker, with the rule choices to apply. */
export interface SecretsScanTask {
  /** Names the rules and options; a worker compiles them once per key. */
  key: string;
  rules: RuntimeRule[];
  options: RuleSetOptions;
  items: SecretsScanItem[];
}

/** Findings for one item; `keys` identify each finding's rule and secret without showing it. */
export interface SecretsItemResult {
  index: number;
  findings: Finding[];
  keys: string[];
}

/** A batch's results, the text scanned and the files that could not be read. */
export interface SecretsScanResult {
  results: SecretsItemResult[];
  /** UTF-16 code units scanned. */
  chars: number;
  unreadable: Array<{ path: string; reason: string }>;
}

/** Bytes inspected for a NUL byte to tell binary files apart, as git does. */
const BINARY_SNIFF = 8000;

const ruleSets = new Map<string, { ruleSet: RuleSet; byId: Map<string, CompiledRule> }>();

/** Scan a batch: the worker threads' handler, also run in-process under tests. */
export function scanBatch(task: SecretsScanTask): SecretsScanResult {
  const { ruleSet, byId } = ruleSetFor(task);
  const out: SecretsScanResult = { results: [], chars: 0, unreadable: [] };

  task.items.forEach((item, index) => {
    const text = item.text ?? readItem(item, out);
    if (text === undefined) return;
    out.chars += text.length;
    const result = scanText(text, item, ruleSet, byId);
    if (result.findings.length > 0) out.results.push({ index, ...result });
  });
  return out;
}

function scanText(
  text: string,
  item: SecretsScanItem,
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
    if (item.lineMap) {
      match.line = item.lineMap[match.line - 1] ?? match.line;
      match.endLine = item.lineMap[match.endLine - 1] ?? match.endLine;
    }
    const evidence = redactedEvidence(text, lines, match, matches);
    findings.push(toFinding(compiled, match, item.path, evidence));
    keys.push(
      createHash('sha256').update(match.ruleId).update('\0').update(match.secret).digest('hex'),
    );
  }
  return { findings, keys };
}

function readItem(item: SecretsScanItem, out: SecretsScanResult): string | undefined {
  if (item.absPath === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(item.absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    out.unreadable.push({ path: item.path, reason: code });
    return undefined;
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return undefined;
  return bytes.toString('utf8');
}

function ruleSetFor(task: SecretsScanTask): { ruleSet: RuleSet; byId: Map<string, CompiledRule> } {
  let entry = ruleSets.get(task.key);
  if (!entry) {
    const ruleSet = compileRuleSet(task.rules, task.options);
    entry = { ruleSet, byId: new Map(ruleSet.rules.map((r) => [r.rule.id, r])) };
    // Keep the few most recent scans' rule sets; a long-lived process runs many scans.
    if (ruleSets.size >= 4) ruleSets.clear();
    ruleSets.set(task.key, entry);
  }
  return entry;
}
