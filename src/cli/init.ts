import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';

import { usageError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { OPTIONAL_TEMPLATES, parseTemplateList } from '../templates/catalog.js';
import { installTemplates } from '../templates/install.js';

/** Add `bulwark init [dir] [--with ...]` to the program. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write secure-by-default starting files; existing files are never replaced')
    .argument('[dir]', 'the folder to write into', '.')
    .option(
      '--with <templates>',
      `comma-separated templates besides bulwark.yaml and CODEOWNERS: ${OPTIONAL_TEMPLATES.join(', ')}`,
      'github-actions',
    )
    .action((dir: string, flags: { with: string }) => {
      process.exitCode = initCommand(dir, flags.with);
    });
}

/** Write the templates into `dir` and list what was written and what was skipped. */
export function initCommand(dir: string, list: string | undefined): number {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw usageError(`${target} is a file`, 'name a folder (it is created when missing)');
  }
  const report = installTemplates(target, parseTemplateList(list));
  for (const path of report.written) process.stdout.write(`wrote    ${path}\n`);
  for (const path of report.skipped) process.stdout.write(`skipped  ${path} (exists)\n`);
  process.stdout.write(
    `${report.written.length} written, ${report.skipped.length} skipped in ${target}\n`,
  );
  return EXIT.clean;
}
