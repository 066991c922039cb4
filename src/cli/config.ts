import type { Command } from 'commander';

import { configJsonSchema } from '../core/config-load.js';

/** Add `bulwark config schema` to the program. */
export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('work with bulwark.yaml');
  config
    .command('schema')
    .description('print the JSON Schema of bulwark.yaml, for editors')
    .action(() => {
      process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
