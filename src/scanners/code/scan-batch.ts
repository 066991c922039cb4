import { resolve } from 'node:path';

import type { CompiledRule } from './compiled-rule.js';
import { scanSource, type RawMatch } from './engine.js';
import { generatedReason } from './generated.js';
import { languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from './rule-loader.js';

/** A batch of files for one worker, with what it needs to pick its rules. */
export interface CodeTask {
  /** The team's rules folder (absolute), loaded after the built-in packs. */
  userRulesDir: string;
  tags?: readonly string[];
  disable: readonly string[];
  includeGenerated: boolean;
  files: Array<{ path: string; text: string }>;
}

/** What a worker found in a batch. */
export interface CodeResult {
  matches: Array<{ path: string; matches: RawMatch[] }>;
  /** Files skipped as minified or generated, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  lines: number;
}

const packs = new Map<string, CompiledRule[]>();

/** The rules a task runs: the loaded pack (cached per thread) less disabled and off-tier rules. */
export function rulesFor(
  userRulesDir: string,
  tags: readonly string[] | undefined,
  disable: readonly string[],
): CompiledRule[] {
  let rules = packs.get(userRulesDir);
  if (!rules) {
    const dirs = [{ dir: BUILTIN_RULES_DIR, builtin: true }];
    if (resolve(userRulesDir) !== BUILTIN_RULES_DIR)
      dirs.push({ dir: userRulesDir, builtin: false });
    rules = loadRulePack(dirs).rules;
    packs.set(userRulesDir, rules);
  }
  return rules.filter((rule) => !disable.includes(rule.ruleId) && runsInTier(rule, tags));
}

/** A rule's tags as findings carry them: its own, plus `fast` for rules without taint. */
export function ruleTags(rule: CompiledRule): string[] {
  const tags = rule.taint ? ['taint', ...rule.meta.tags] : ['fast', ...rule.meta.tags];
  return [...new Set(tags)];
}

function runsInTier(rule: CompiledRule, tags: readonly string[] | undefined): boolean {
  if (!tags) return true;
  return ruleTags(rule).some((tag) => tags.includes(tag));
}

/** Scan a batch of files: skip generated ones, run every rule of each file's language. */
export function scanBatch(task: CodeTask): CodeResult {
  const rules = rulesFor(task.userRulesDir, task.tags, task.disable);
  const result: CodeResult = { matches: [], skipped: [], lines: 0 };
  for (const file of task.files) {
    const language = languageOf(file.path);
    if (!language) continue;
    const reason = task.includeGenerated ? undefined : generatedReason(file.path, file.text);
    if (reason !== undefined) {
      result.skipped.push({ path: file.path, reason });
      continue;
    }
    result.lines += countLines(file.text);
    const matches = scanSource(file.text, language, rules);
    if (matches.length > 0) result.matches.push({ path: file.path, matches });
  }
  return result;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
