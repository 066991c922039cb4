import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse as parseCode, type NapiConfig } from '@ast-grep/napi';
import { parse as parseYaml, YAMLError } from 'yaml';

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
import { describeIssues, issuePath, REQUIRED_FIELDS } from './rule-issues.js';
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
  /** The 1-based column, for YAML syntax errors. */
  column?: number;
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
  warnings.push(...fileNameWarnings(rules));
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
  /** Where each loaded rule id sits in `rules`. */
  const seen = new Map<string, number>();
  const lineOf = (file: string, problem: string): number | undefined => {
    const text = texts.get(file);
    return text === undefined ? undefined : new RuleLines(text).lineOfProblem(problem);
  };
  const idLine = (file: string): number | undefined => {
    const text = texts.get(file);
    return text === undefined ? undefined : new RuleLines(text).lineOf(['id']);
  };
  // Each rule gets its own prefix, also when a later rule takes an earlier one's place.
  let count = 0;
  for (const source of sources) {
    const compiled = compileRule(source, `R${count++}_`);
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
    const at = seen.get(compiled.ruleId);
    if (at !== undefined) {
      const first = kept[at];
      // Of two files with one id, the one named `<id>.yaml` is the rule; the other is the copy.
      const replace =
        !first.builtin &&
        !namedAfterId(first.file, first.meta.id) &&
        namedAfterId(source.file, source.meta.id);
      const [rejected, loaded] = replace ? [first, source] : [source, first];
      errors.push({
        file: rejected.file,
        line: idLine(rejected.file),
        ruleId: compiled.ruleId,
        problem: duplicateProblem(rejected, loaded),
      });
      if (replace) {
        rules[at] = compiled;
        kept[at] = source;
      }
      continue;
    }
    seen.set(compiled.ruleId, rules.length);
    rules.push(compiled);
    kept.push(source);
  }
  warnings.push(...fileNameWarnings(rules, texts));
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

/** Whether a rule file is named after its id: `<id>.yaml` (or `<id>.yml`). */
function namedAfterId(file: string, id: string): boolean {
  const name = basename(file);
  return name === `${id}.yaml` || name === `${id}.yml`;
}

/** Why a rule file with an id that another loaded file has is not loaded. */
function duplicateProblem(rejected: RuleSource, loaded: RuleSource): string {
  const id = rejected.meta.id;
  const fix = 'give this rule an id of its own and name its file <id>.yaml';
  if (loaded.builtin) return `a built-in rule already has the id ${id}; ${fix}`;
  const other =
    dirname(loaded.file) === dirname(rejected.file) ? basename(loaded.file) : loaded.file;
  const named = namedAfterId(loaded.file, id) ? ' (named after the id)' : '';
  return `${other}${named} already declares the id ${id} and is the one loaded; ${fix}`;
}

/**
 * A warning for each team rule whose file is not named `<id>.yaml`: the rule loads, but the
 * name is how people find a rule, and which of two files with one id is kept.
 */
function fileNameWarnings(
  rules: readonly CompiledRule[],
  texts: ReadonlyMap<string, string> = new Map(),
): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    if (rule.builtin || namedAfterId(rule.file, rule.meta.id)) continue;
    let text = texts.get(rule.file);
    if (text === undefined) {
      try {
        text = readFileSync(rule.file, 'utf8');
      } catch {
        text = '';
      }
    }
    const line = new RuleLines(text).lineOf(['id']);
    const at = line === undefined ? rule.file : `${rule.file}:${line}`;
    out.push(
      `${at}: rule ${rule.ruleId} is in ${basename(rule.file)}; rule files are named after their id, rename it to ${rule.meta.id}.yaml`,
    );
  }
  return out;
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
    errors.push({
      file,
      problem: describeIssues(parsed.error, { what: 'shared.yaml', keys: ['utils'] }),
    });
  }
  return {};
}

function readYaml(
  file: string,
  errors: RuleLoadError[],
): { data: unknown; text: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    errors.push({ file, problem: `the file cannot be read: ${reason}` });
    return undefined;
  }
  try {
    return { data: parseYaml(text), text };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const what = message.replace(/ at line \d+, column \d+:?$/, '');
    const pos = error instanceof YAMLError ? error.linePos?.[0] : undefined;
    errors.push({
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
      problem: `not valid YAML: ${what}`,
    });
    return undefined;
  }
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
