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
import { runRuleSamples } from '../scanners/code/rule-samples.js';

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
  const report = runRuleSamples(dir === undefined ? BUILTIN_RULES_DIR : resolve(dir));
  printLoadErrors(report.errors);
  for (const failure of report.failures) {
    process.stdout.write(
      `FAIL ${failure.file}:${failure.line}: ${failure.ruleId}: ${failure.problem}\n`,
    );
  }
  for (const rule of report.thin) {
    process.stdout.write(
      `THIN ${rule.ruleId}: ${rule.positives} positive and ${rule.negatives} negative samples (2 and 2 needed)\n`,
    );
  }
  const failed = report.failures.length + report.errors.length;
  process.stdout.write(
    `${report.rules} rules, ${report.files} sample files, ${report.cases} cases: ${report.cases - report.failures.length} passed, ${failed} failed\n`,
  );
  return failed > 0 ? EXIT.findings : EXIT.clean;
}

function listCommand(flags: { rulesDir: string; format: string }): number {
  if (flags.format !== 'text' && flags.format !== 'json') {
    throw usageError(`unknown format ${flags.format}`, 'use --format text or --format json');
  }
  const pack = loadRulePack([
    { dir: BUILTIN_RULES_DIR, builtin: true },
    { dir: resolve(flags.rulesDir), builtin: false },
  ]);
  printLoadErrors(pack.errors);
  process.stdout.write(
    flags.format === 'json' ? renderRuleJson(pack.rules) : renderRuleList(pack.rules),
  );
  return pack.errors.length > 0 ? EXIT.usage : EXIT.clean;
}

function printLoadErrors(errors: readonly RuleLoadError[]): void {
  for (const error of errors) {
    const rule = error.ruleId === undefined ? '' : ` rule ${error.ruleId}:`;
    process.stderr.write(`bulwark error: ${error.file}:${rule} ${error.problem}\n`);
  }
}
