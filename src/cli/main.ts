#!/usr/bin/env node
import { Command, CommanderError } from 'commander';

import { BulwarkError } from '../core/errors.js';
import { EXIT, exitCodeFor } from '../core/exit-codes.js';
import { VERSION } from '../core/package-info.js';
import { registerBaselineCommand } from './baseline.js';
import { registerConfigCommand } from './config.js';
import { registerDbCommand } from './db.js';
import { registerHookCommand } from './hook.js';
import { registerInitCommand } from './init.js';
import { registerProxyCommand } from './proxy.js';
import { registerRulesCommand } from './rules.js';
import { registerScanCommand } from './scan.js';

/** Build the `bulwark` program with every command. */
export function buildProgram(): Command {
  const program = new Command('bulwark')
    .description('Supply-chain safety checks: secrets, dependencies, code and infrastructure')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerScanCommand(program);
  registerBaselineCommand(program);
  registerHookCommand(program);
  registerConfigCommand(program);
  registerRulesCommand(program);
  registerDbCommand(program);
  registerInitCommand(program);
  registerProxyCommand(program);
  return program;
}

/** Run the CLI with `argv` and return the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
    }
    if (error instanceof BulwarkError) {
      process.stderr.write(`bulwark: ${error.describe()}\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`bulwark: internal error, please report it: ${text}\n`);
    }
    return exitCodeFor(error);
  }
}

process.exitCode = await main(process.argv);
