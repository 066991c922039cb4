import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse as parseCode, type NapiConfig } from '@ast-grep/napi';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

import { compileRule, type CompiledRule, type RuleSource } from './compiled-rule.js';
import { checkRulesFolder } from './rule-dirs.js';
import {
  packCacheFile,
  packStamp,
  readPackCache,
  writePackCache,
  type CachedPack,
} from './pack-cache.js';
import { RuleLines } from './rule-lines.js';
import {
  astGrepError,
  checkAutofixTarget,
  checkConstraints,
  checkMessageVariables,
  checkPatterns,
  checkUtilityNames,
} from './rule-checks.js';
import { parsersOf, registerLanguages, RULE_LANGUAGES, type RuleLanguage } from './languages.js';
import { codeRuleSchema, sharedUtilsSchema, type AstRule } from './rule-schema.js';

/** The built-in rule packs shipped with Bulwark (rules/code/ at the package root). */
export const BUILTIN_RULES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'rules',
  'code',
);

/** Where a team keeps its own rules, relative to the scan root. */
export const USER_RULES_DIR = join('.bulwark', 'rules');

/** A rule file that could not be used: which file, which rule, what is wrong. */
export interface RuleLoadError {
  file: string;
  /** The 1-based line the problem points at, when one does. */
  line?: number;
  ruleId?: string;
  problem: string;
}

/** Every usable rule of a set of folders, and the problems with the rest. */
export interface RulePack {
  rules: CompiledRule[];
  errors: RuleLoadError[];
  /** Things worth saying that do not stop a rule, such as a folder named `javascript/`. */
  warnings: string[];
}

/** A folder of rule packs (one sub-folder per language) and whether it ships with Bulwark. */
export interface RuleDir {
  dir: string;
  builtin: boolean;
}

/** Load and compile every rule under the folders; broken rules become errors, not failures. */
export function loadRulePack(dirs: readonly RuleDir[]): RulePack {
  const key = packSignature(dirs);
  const cached = packCache.get(key);
  if (cached) return cached;
  const stamp = packStamp(`${loaderStamp()}\n${key}`);
  const file = packCacheFile(key);
  const stored = readPackCache(file, stamp);
  let pack: RulePack;
  if (stored) {
    pack = packFromCache(stored, dirs);
  } else {
    const read = readRulePack(dirs);
    pack = read.pack;
    writePackCache(file, stamp, read.cache);
  }
  packCache.set(key, pack);
  return pack;
}

/** The loader's own build: a changed check invalidates cached packs. */
function loaderStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return '';
  }
}

/** A pack from its cache: rules compiled again from their checked files, problems as stored. */
function packFromCache(stored: CachedPack, dirs: readonly RuleDir[]): RulePack {
  registerLanguages();
  const warnings: string[] = [];
  for (const { dir, builtin } of dirs) {
    if (!builtin) warnings.push(...checkRulesFolder(dir).warnings);
  }
  const rules = stored.rules.map((cached, i) => {
    const { meta, language, file, builtin } = cached;
    const sharedUtils = stored.shared[cached.shared] ?? {};
    const rule = compileRule({ meta, language, file, builtin, sharedUtils }, `R${i}_`);
    rule.parsers.push(...cached.parsers);
    return rule;
  });
  return { rules, errors: stored.errors, warnings };
}

const packCache = new Map<string, RulePack>();

/** Folders, file names, sizes and modification times: a changed rule file loads afresh. */
function packSignature(dirs: readonly RuleDir[]): string {
  const parts: string[] = [];
  for (const { dir, builtin } of dirs) {
    parts.push(`${dir}:${builtin}`);
    for (const language of RULE_LANGUAGES) {
      const folder = join(dir, language);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        const stat = statSync(join(folder, name));
        parts.push(`${language}/${name}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  }
  return parts.join('\n');
}

function readRulePack(dirs: readonly RuleDir[]): { pack: RulePack; cache: CachedPack } {
  registerLanguages();
  const errors: RuleLoadError[] = [];
  const sources: RuleSource[] = [];
  /** Each rule file's text, to point problems at their lines. */
  const texts = new Map<string, string>();
  const shared = new Map<RuleLanguage, Record<string, AstRule>>();
  const warnings: string[] = [];
  for (const { dir, builtin } of dirs) {
    if (!builtin) {
      const check = checkRulesFolder(dir);
      errors.push(...check.errors);
      warnings.push(...check.warnings);
    }
    for (const language of RULE_LANGUAGES) {
      const folder = join(dir, language);
      const utils = { ...shared.get(language), ...readSharedUtils(folder, errors) };
      shared.set(language, utils);
      sources.push(...readLanguageFolder(folder, language, builtin, utils, errors, texts));
    }
  }

  const rules: CompiledRule[] = [];
  const kept: RuleSource[] = [];
  const seen = new Map<string, string>();
  const lineOf = (file: string, problem: string): number | undefined => {
    const text = texts.get(file);
    return text === undefined ? undefined : new RuleLines(text).lineOfProblem(problem);
  };
  for (const source of sources) {
    const compiled = compileRule(source, `R${rules.length}_`);
    const clash = seen.get(compiled.ruleId);
    if (clash !== undefined) {
      errors.push({
        file: source.file,
        line: texts.has(source.file)
          ? new RuleLines(texts.get(source.file) ?? '').lineOf(['id'])
          : undefined,
        ruleId: compiled.ruleId,
        problem: `the id is already used by ${clash}`,
      });
      continue;
    }
    const problem =
      checkFocus(compiled) ??
      checkPatterns(compiled) ??
      checkUtilityNames(compiled) ??
      checkAutofixTarget(compiled) ??
      checkMessageVariables(compiled) ??
      // Compiling each constraint alone names the bad one; it is only worth it on a failure.
      withConstraint(compiled, checkCompiles(compiled));
    if (problem !== undefined) {
      errors.push({
        file: source.file,
        line: lineOf(source.file, problem),
        ruleId: compiled.ruleId,
        problem,
      });
      continue;
    }
    seen.set(compiled.ruleId, source.file);
    rules.push(compiled);
    kept.push(source);
  }
  const sharedTable: Array<Record<string, AstRule>> = [];
  const cache: CachedPack = {
    rules: kept.map((source, i) => {
      let at = sharedTable.indexOf(source.sharedUtils);
      if (at < 0) at = sharedTable.push(source.sharedUtils) - 1;
      const { meta, language, file, builtin } = source;
      return { meta, language, file, builtin, shared: at, parsers: rules[i].parsers };
    }),
    shared: sharedTable,
    errors,
  };
  return { pack: { rules, errors, warnings }, cache };
}

/** The rule files of one language folder: `*.yaml` rules and an optional `shared.yaml`. */
export function ruleFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name) && !/^shared\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

function readLanguageFolder(
  folder: string,
  language: RuleLanguage,
  builtin: boolean,
  sharedUtils: Record<string, AstRule>,
  errors: RuleLoadError[],
  texts: Map<string, string>,
): RuleSource[] {
  const out: RuleSource[] = [];
  for (const file of ruleFilesIn(folder)) {
    const read = readYaml(file, errors);
    if (read === undefined) continue;
    const { data, text } = read;
    texts.set(file, text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      const what =
        data === null ? 'is empty' : `holds ${Array.isArray(data) ? 'a list' : 'a single value'}`;
      errors.push({
        file,
        problem: `the file ${what}; a rule file is one mapping with ${REQUIRED_FIELDS} (see docs/code-rules.md)`,
      });
      continue;
    }
    const parsed = codeRuleSchema.safeParse(data);
    if (!parsed.success) {
      const id =
        typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : undefined;
      errors.push({
        file,
        line: new RuleLines(text).lineOf(issuePath(parsed.error.issues[0])),
        ruleId: id === undefined ? undefined : `code/${language}/${id}`,
        problem: describeIssues(parsed.error),
      });
      continue;
    }
    out.push({ meta: parsed.data, language, file, builtin, sharedUtils });
  }
  return out;
}

function readSharedUtils(folder: string, errors: RuleLoadError[]): Record<string, AstRule> {
  for (const name of ['shared.yaml', 'shared.yml']) {
    const file = join(folder, name);
    if (!existsSync(file)) continue;
    const read = readYaml(file, errors);
    if (read === undefined) return {};
    const parsed = sharedUtilsSchema.safeParse(read.data);
    if (parsed.success) return parsed.data.utils;
    errors.push({ file, problem: describeIssues(parsed.error) });
  }
  return {};
}

function isKey(step: PropertyKey): step is string | number {
  return typeof step === 'string' || typeof step === 'number';
}

/** The key path a schema issue is about; an unknown key's own path for `Unrecognized key`. */
function issuePath(issue: z.core.$ZodIssue | undefined): Array<string | number> {
  if (!issue) return [];
  const path = issue.path.filter(isKey);
  return issue.code === 'unrecognized_keys' && issue.keys.length > 0
    ? [...path, issue.keys[0]]
    : path;
}

function readYaml(
  file: string,
  errors: RuleLoadError[],
): { data: unknown; text: string } | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return { data: parseYaml(text), text };
  } catch (error) {
    const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const at = / at (line \d+, column \d+):?$/.exec(text);
    const what = at ? text.slice(0, at.index) : text;
    errors.push({ file, problem: `not valid YAML${at ? ` at ${at[1]}` : ''}: ${what}` });
    return undefined;
  }
}

/** The fields every rule file must have (see docs/code-rules.md). */
const REQUIRED_FIELDS =
  'id, title, message, severity, confidence, cwe, owasp, help, fix, and rule or taint';

/** Zod issues as one line: `severity: Invalid option ...; cwe: missing (...)`. */
function describeIssues(error: z.ZodError): string {
  let missing = false;
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      missing = true;
      return `${where}: missing`;
    }
    return `${where}: ${issue.message}`;
  });
  const text = parts.join('; ');
  return missing ? `${text} (a rule needs ${REQUIRED_FIELDS})` : text;
}

/**
 * Ask ast-grep to compile the rule's parts for each parser of its language. A rule may fit
 * only some of them (JSX kinds exist in JavaScript and TSX, not in plain TypeScript); it is
 * kept for those, and is an error only when it fits none.
 */
function checkCompiles(rule: CompiledRule): string | undefined {
  const any = (rules: AstRule[]): AstRule => ({ any: rules });
  const configs = [
    {
      rule: any(rule.entries.map((entry) => entry.rule)),
      constraints: rule.constraints,
      utils: rule.utils,
    },
  ];
  for (const part of [rule.taint?.sources, rule.taint?.sanitizers]) {
    if (part && part.length > 0)
      configs.push({ rule: any(part), constraints: {}, utils: rule.utils });
  }
  let problem: string | undefined;
  for (const parser of parsersOf(rule.language)) {
    const root = parseCode(parser, '').root();
    try {
      for (const config of configs) root.findAll(config as NapiConfig);
      rule.parsers.push(parser);
    } catch (error) {
      problem = `ast-grep cannot use the rule for ${String(parser)}: ${astGrepError(error)}`;
    }
  }
  return rule.parsers.length > 0 ? undefined : problem;
}

/** A compile failure, told by the constraint at fault when one is. */
function withConstraint(rule: CompiledRule, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : (checkConstraints(rule) ?? problem);
}

/** Each taint sink must bind the metavariable it names as its focus. */
function checkFocus(rule: CompiledRule): string | undefined {
  for (const entry of rule.entries) {
    if (entry.focus !== undefined && !JSON.stringify(entry.rule).includes(`$${entry.focus}`)) {
      return `a sink's focus ${entry.focus.slice(rule.prefix.length)} does not appear in its rule`;
    }
  }
  return undefined;
}
