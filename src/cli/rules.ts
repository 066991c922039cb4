import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';

import { usageError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { renderRuleJson, renderRuleList } from '../scanners/code/catalogue.js';
import {
  BUILTIN_RULES_DIR,
  loadRulePack,
  USER_RULES_DIR,
  type RuleLoadError,
} from '../scanners/code/rule-loader.js';
import { rulesFolderProblem } from '../scanners/code/rule-dirs.js';
import { userRulesDirFor } from '../scanners/code/rules-location.js';
import { runRuleSamples, type SampleReport } from '../scanners/code/rule-samples.js';

/** Add `bulwark rules test [dir]` and `bulwark rules list` to the program. */
export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('test and list the code scanner rules');
  rules
    .command('test')
    .description(
      'run the annotated samples of a rules folder (bulwark-expect / bulwark-ok comments)',
    )
    .argument(
      '[dir]',
      'rules folder with one sub-folder per language (default: the built-in rules)',
    )
    .action((dir: string | undefined) => {
      process.exitCode = testCommand(dir);
    });
  rules
    .command('list')
    .description('print the rule catalogue: built-in rules and the team rules of .bulwark/rules')
    .option('--rules-dir <dir>', 'the team rules folder', USER_RULES_DIR)
    .option('-f, --format <format>', 'text or json', 'text')
    .action((flags: { rulesDir: string; format: string }) => {
      process.exitCode = listCommand(flags);
    });
}

function testCommand(dir: string | undefined): number {
  const folder = dir === undefined ? BUILTIN_RULES_DIR : resolve(dir);
  const problem = rulesFolderProblem(folder);
  if (problem) throw usageError(`rules test: ${problem.message}`, problem.hint);
  const report = runRuleSamples(folder);
  printWarnings(report.warnings);
  printLoadErrors(report.errors);
  for (const failure of report.failures) {
    process.stdout.write(
      `FAIL ${failure.file}:${failure.line}: ${failure.ruleId}: ${failure.problem}\n`,
    );
  }
  for (const hit of report.unexpected) {
    process.stdout.write(`UNEXPECTED ${hit.file}:${hit.line}: ${hit.ruleId}: ${hit.problem}\n`);
  }
  for (const rule of report.thin) {
    process.stdout.write(
      `THIN ${rule.ruleId}: ${rule.positives} positive and ${rule.negatives} negative samples (2 and 2 needed)\n`,
    );
  }
  process.stdout.write(`${summary(report)}\n`);
  if (report.errors.length > 0) return EXIT.usage;
  if (report.cases === 0 && report.rules > 0) {
    process.stderr.write(
      'bulwark error: no annotated cases were found, so nothing was tested; put a sample file beside each rule (<id>.test.<ext>) with bulwark-expect: and bulwark-ok: comments (docs/code-rules.md)\n',
    );
    return EXIT.findings;
  }
  return report.failures.length + report.unexpected.length > 0 ? EXIT.findings : EXIT.clean;
}

/** `3 rules, 2 sample files, 12 cases: 11 passed, 1 failed; 1 unexpected finding`. */
function summary(report: SampleReport): string {
  const failed = report.failures.length;
  const parts = [
    `${report.rules} rules, ${report.files} sample files, ${report.cases} cases: ${report.cases - failed} passed, ${failed} failed`,
  ];
  const unexpected = report.unexpected.length;
  if (unexpected > 0) parts.push(`${unexpected} unexpected finding${unexpected === 1 ? '' : 's'}`);
  const broken = report.errors.length;
  if (broken > 0) parts.push(`${broken} rule file${broken === 1 ? '' : 's'} not loaded`);
  return parts.join('; ');
}

function listCommand(flags: { rulesDir: string; format: string }): number {
  if (flags.format !== 'text' && flags.format !== 'json') {
    throw usageError(`unknown format ${flags.format}`, 'use --format text or --format json');
  }
  const rulesDir = userRulesDirFor(process.cwd(), flags.rulesDir);
  if (flags.rulesDir !== USER_RULES_DIR && !existsSync(rulesDir)) {
    throw usageError(`--rules-dir: ${rulesDir} does not exist`, 'name the team rules folder');
  }
  const pack = loadRulePack([
    { dir: BUILTIN_RULES_DIR, builtin: true },
    { dir: rulesDir, builtin: false },
  ]);
  printWarnings(pack.warnings);
  printLoadErrors(pack.errors);
  process.stdout.write(
    flags.format === 'json' ? renderRuleJson(pack.rules) : renderRuleList(pack.rules),
  );
  return pack.errors.length > 0 ? EXIT.usage : EXIT.clean;
}

function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`bulwark warn: ${warning}\n`);
}

function printLoadErrors(errors: readonly RuleLoadError[]): void {
  for (const error of errors) {
    const rule = error.ruleId === undefined ? '' : ` rule ${error.ruleId}:`;
    const at = [error.file, error.line, error.line === undefined ? undefined : error.column]
      .filter((part) => part !== undefined)
      .join(':');
    process.stderr.write(`bulwark error: ${at}:${rule} ${error.problem}\n`);
  }
}
